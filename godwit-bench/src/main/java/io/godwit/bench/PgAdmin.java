package io.godwit.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server seen through its admin database: makes and drops one database per
 * measured target, and says how psql reaches it. Passed to child JVMs as words.
 */
public record PgAdmin(String host, int port, String adminDatabase, String user, String password) {

    /** Parses {@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD}. */
    public static PgAdmin parse(String url) {
        String rest = url.substring("jdbc:postgresql://".length());
        int q = rest.indexOf('?');
        String base = q < 0 ? rest : rest.substring(0, q);
        String user = "postgres";
        String password = "";
        for (String param : q < 0 ? new String[0] : rest.substring(q + 1).split("&")) {
            String[] kv = param.split("=", 2);
            String value = kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            if (kv[0].equals("user")) {
                user = value;
            } else if (kv[0].equals("password")) {
                password = value;
            }
        }
        String hostPort = base.substring(0, base.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        return new PgAdmin(colon < 0 ? hostPort : hostPort.substring(0, colon),
                colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1)),
                base.substring(base.indexOf('/') + 1), user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Target target(String database) {
        return Target.postgres(jdbcUrl(database), user, password);
    }

    /** Drops the database if it is there and makes it anew, empty. */
    public Target recreate(String database) throws SQLException {
        drop(database);
        admin("CREATE DATABASE " + database);
        return target(database);
    }

    public void drop(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** psql on {@code database}, quiet, stopping at the first error, followed by {@code args}. */
    public List<String> psql(String database, String... args) {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", host, "-p", String.valueOf(port), "-U", user, "-d", database));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public Map<String, String> psqlEnvironment() {
        // No GSSAPI or TLS negotiation on a local server: psql would spend its time on that, not on the work.
        return Map.of("PGPASSWORD", password, "PGGSSENCMODE", "disable", "PGSSLMODE", "disable");
    }

    public List<String> toArgs() {
        return List.of(host, String.valueOf(port), adminDatabase, user, password);
    }

    public static PgAdmin fromArgs(String[] args, int from) {
        return new PgAdmin(args[from], Integer.parseInt(args[from + 1]), args[from + 2], args[from + 3], args[from + 4]);
    }
}
