package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.LockTimeoutError;
import io.godwit.spi.MigrationLock;
import io.godwit.internal.Log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The migration lock of a PostgreSQL schema: a session-level advisory lock on the migrating
 * connection. The server releases it when that session ends, however it ends, so a killed
 * migrator never blocks the next one. Advisory locks belong to one database, so the key only
 * needs to tell schemas apart.
 *
 * <p>The lock is polled with {@code pg_try_advisory_lock} rather than awaited with
 * {@code pg_advisory_lock}: a waiter blocked inside a statement holds a snapshot, and the holder's
 * {@code CREATE INDEX CONCURRENTLY} waits for every older snapshot to go, which would deadlock the
 * two. A poll is a statement of a few microseconds, so the index build only waits that long.
 */
final class PostgresAdvisoryLock implements MigrationLock {
    private static final Log LOG = Log.get(PostgresAdvisoryLock.class);
    private static final long POLL_MILLIS = 100;
    private static final String HOLDER = "SELECT a.pid, a.application_name, host(a.client_addr), a.client_port,"
            + " a.backend_start, a.xact_start, a.state, a.state_change"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ?";

    private final Connection connection;
    private final long key;

    private PostgresAdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * The key of a schema's lock: the first 8 bytes, big-endian, of the SHA-256 of the UTF-8 text
     * {@code "godwit:" + schema}. Stable across versions and machines; operators find it in
     * {@code pg_locks} as {@code classid = key >>> 32, objid = key & 0xffffffff, objsubid = 1}.
     */
    static long key(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("godwit:" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static PostgresAdvisoryLock acquire(Connection c, long key, Duration timeout, String database) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new PostgresAdvisoryLock(c, key);
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw new LockTimeoutError(database, holder(c, key), timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for the migration lock on " + database, e);
        }
    }

    /** Who holds the lock, from {@code pg_stat_activity} (fields the role may not see are "unknown"). */
    static String holder(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "a session that has just released it";
                }
                String address = rs.getString(3);
                OffsetDateTime transaction = rs.getObject(6, OffsetDateTime.class);
                return "PostgreSQL backend pid " + rs.getInt(1)
                        + " (application " + known(rs.getString(2))
                        + ", client " + (address == null ? "unknown or a local socket" : address + ":" + rs.getInt(4))
                        + ", connected since " + known(rs.getObject(5, OffsetDateTime.class))
                        + (transaction == null ? "" : ", in a transaction since " + transaction)
                        + ", " + known(rs.getString(7)) + " since " + known(rs.getObject(8, OffsetDateTime.class)) + ")";
            }
        }
    }

    private static String known(Object value) {
        return value == null || value.toString().isEmpty() ? "unknown" : value.toString();
    }

    /** Unlocks; if the session is already gone, so is the lock. */
    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the migration lock (the server drops it with the session): {}", e.getMessage());
        }
    }
}
