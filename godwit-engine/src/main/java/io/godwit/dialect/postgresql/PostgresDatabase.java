package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.InUseHolder;
import io.godwit.ProgressListener;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.CreatesSchema;
import io.godwit.spi.Database;
import io.godwit.spi.InUseHold;
import io.godwit.spi.InUseTracking;
import io.godwit.spi.MigrationLock;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One schema of a PostgreSQL database, shared by many application instances. Connections carry
 * {@code ApplicationName=godwit} (so that a lock holder can be told apart in {@code pg_stat_activity})
 * and a {@code search_path} of the schema alone, so that a migration's unqualified names land there.
 * Readers are {@code READ ONLY} sessions and create nothing, not even the schema; the schema is
 * created in the first run's transaction, and DDL is transactional, so a failed run leaves nothing
 * to clean up. The migration lock is a session advisory lock ({@link PostgresAdvisoryLock}), which
 * the server drops when the session ends, however it ends.
 */
public final class PostgresDatabase implements Database, CreatesSchema, BackupCapable, InUseTracking {
    /** The {@code application_name} of every Godwit connection (a URL parameter overrides it). */
    public static final String APPLICATION_NAME = "godwit";
    /** How often the server checks, while a statement runs, that a migrator is still connected. */
    private static final String CONNECTION_CHECK = "SET client_connection_check_interval = '1s'";
    /**
     * pgjdbc's driver, used directly rather than through {@code DriverManager}, whose first use loads
     * and initialises every JDBC driver on the class path (SQLite's, DuckDB's, which starts threads):
     * time a short command such as {@code validate} pays at every cold start.
     */
    private static final java.sql.Driver DRIVER = new org.postgresql.Driver();

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    /**
     * @param url      {@code jdbc:postgresql://host:port/database}, parameters allowed
     * @param user     null to leave it to the URL or the driver's defaults
     * @param password null to leave it to the URL or {@code ~/.pgpass}; never shown in messages
     * @param schema   the schema of the history and the subsystems' tables
     */
    public PostgresDatabase(String url, String user, String password, String schema) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new GodwitException("Not a PostgreSQL JDBC URL: " + redact(String.valueOf(url)));
        }
        if (schema == null || schema.isBlank()) {
            throw new GodwitException("The PostgreSQL schema name must not be empty");
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** Backups are pg_dump's (custom format, this schema only), where pg_dump is on the PATH. */
    private PgDumpBackup pgDump() {
        return new PgDumpBackup(url, user, password, schema);
    }

    @Override
    public String backupFormat() {
        return pgDump().backupFormat();
    }

    @Override
    public String backupExtension() {
        return pgDump().backupExtension();
    }

    @Override
    public void writeBackup(Path file, ProgressListener progress) throws IOException {
        pgDump().writeBackup(file, progress);
    }

    /** Clients hold the schema in use on a session of their own ({@link PostgresInUse}). */
    @Override
    public InUseHold holdShared(InUseHolder holder, Duration timeout) throws SQLException {
        return PostgresInUse.shared(connect(), inUseKey(), holder, timeout, describe());
    }

    @Override
    public InUseHold holdExclusive(Connection connection, InUseHolder self, String action, Duration timeout) throws SQLException {
        if (connection != null) {
            return PostgresInUse.exclusive(connection, inUseKey(), action, timeout, describe());
        }
        Connection own = connect();
        InUseHold hold;
        try {
            hold = PostgresInUse.exclusive(own, inUseKey(), action, timeout, describe());
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
        return () -> {
            hold.close();
            try {
                own.close();
            } catch (SQLException ignored) {
                // the server drops the lock with the session
            }
        };
    }

    @Override
    public java.util.List<String> holders() throws SQLException {
        try (Connection c = connect()) {
            return PostgresInUse.holders(c, inUseKey()).stream().filter(h -> h.startsWith("PostgreSQL backend")).toList();
        }
    }

    /** The advisory lock key of this schema's in-use hold: see {@link PostgresInUse#key(String)}. */
    public long inUseKey() {
        return PostgresInUse.key(schema);
    }

    /** The advisory lock key of this schema: see {@link PostgresAdvisoryLock#key(String)}. */
    public long lockKey() {
        return PostgresAdvisoryLock.key(schema);
    }

    @Override
    public String scope() {
        return "postgresql";
    }

    /** The URL without its parameters (which may hold a password), and the schema. */
    @Override
    public String describe() {
        return redact(url) + " (schema " + schema + ")";
    }

    @Override
    public Optional<Connection> openForReading() throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            if (!tableExists(c, "migrations")) {
                c.close();
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Connection openForWriting() throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            st.execute(CONNECTION_CHECK);
        } catch (SQLException e) {
            // PostgreSQL before 14, or a server platform that cannot check: a killed migrator's
            // statement then runs to its end before the server notices and releases the lock.
        }
        return c;
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", APPLICATION_NAME);
        Connection c = DRIVER.connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): " + url);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + quote(schema));
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Creates the schema in the first run's transaction. Its existence is checked first because
     * {@code CREATE SCHEMA IF NOT EXISTS} demands the CREATE privilege on the database even when the
     * schema exists, which an application's role often lacks.
     */
    @Override
    public void createSchema(Connection c) throws SQLException {
        if (!exists(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?", schema)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            }
        }
    }

    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        return PostgresAdvisoryLock.acquire(connection, lockKey(), timeout, describe());
    }

    @Override
    public String table(String name) {
        return quote(schema) + "." + quote(name);
    }

    @Override
    public java.util.Set<String> existingTables(Connection c, java.util.Set<String> names) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ANY (?)")) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    @Override
    public boolean tableExists(Connection c, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?", schema, name);
    }

    private static boolean exists(Connection c, String query, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A quoted identifier: any name, case kept. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The URL without parameters or user information, for messages. */
    static String redact(String url) {
        String base = url.replaceAll("[?#].*", "");
        return base.replaceAll("//[^/@]*@", "//");
    }
}
