package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.InUseHolder;
import io.godwit.LockTimeoutError;
import io.godwit.StoreInUseError;
import io.godwit.spi.InUseHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The "in use" hold of a PostgreSQL schema: a session advisory lock on its own key, shared by
 * clients (each on a session of its own, kept open while the client is, named in
 * {@code application_name}) and exclusive for a change (on the changing run's session). The server
 * drops a session's locks when it ends, so a dead client never blocks an upgrade. Polled like the
 * migration lock, for the same reason ({@link PostgresAdvisoryLock}).
 */
final class PostgresInUse {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresInUse.class);
    private static final long POLL_MILLIS = 100;
    private static final String HOLDERS = "SELECT a.pid, a.application_name, host(a.client_addr), a.client_port, a.backend_start"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.mode = 'ShareLock'"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ? ORDER BY a.backend_start";

    private PostgresInUse() {
    }

    /** The key: the first 8 bytes, big-endian, of the SHA-256 of {@code "godwit-in-use:" + schema}. */
    static long key(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("godwit-in-use:" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Holds {@code session} (which it closes with the hold) in use, waiting while a change holds the schema. */
    static InUseHold shared(Connection session, long key, InUseHolder holder, Duration timeout, String database) throws SQLException {
        try {
            try (PreparedStatement name = session.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, applicationName(holder));
                name.execute();
            }
            poll(session, "SELECT pg_try_advisory_lock_shared(?)", key, timeout, database, () -> {
                throw new LockTimeoutError(database, "a change in progress on " + PostgresAdvisoryLock.holder(session, key), timeout);
            });
            return () -> {
                try {
                    session.close();    // ends the session, and with it the lock
                } catch (SQLException e) {
                    LOG.warn("Could not close the in-use session of {} (the server drops it with the session): {}", database, e.getMessage());
                }
            };
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Takes the schema to {@code connection}'s session alone, or refuses naming every holder. */
    static InUseHold exclusive(Connection connection, long key, String action, Duration timeout, String database) throws SQLException {
        poll(connection, "SELECT pg_try_advisory_lock(?)", key, timeout, database, () -> {
            throw new StoreInUseError(database, action, holders(connection, key), timeout);
        });
        return () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            } catch (SQLException e) {
                LOG.warn("Could not release the exclusive hold on {} (the server drops it with the session): {}", database, e.getMessage());
            }
        };
    }

    interface Timeout {
        void fail() throws SQLException;
    }

    private static void poll(Connection c, String sql, long key, Duration timeout, String database, Timeout onTimeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    onTimeout.fail();
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for " + database, e);
        }
    }

    /** Every session holding the schema in use, from {@code pg_stat_activity}. */
    static List<String> holders(Connection c, long key) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HOLDERS)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String address = rs.getString(3);
                    OffsetDateTime since = rs.getObject(5, OffsetDateTime.class);
                    holders.add("PostgreSQL backend pid " + rs.getInt(1) + " (" + rs.getString(2) + ", client "
                            + (address == null ? "unknown or a local socket" : address + ":" + rs.getInt(4))
                            + ", since " + (since == null ? "unknown" : since) + ")");
                }
            }
        }
        return holders.isEmpty() ? List.of("a session that has just released it") : holders;
    }

    /** What {@code pg_stat_activity} shows for a holder: at most 63 bytes, as PostgreSQL keeps. */
    static String applicationName(InUseHolder h) {
        String name = "godwit in use: pid " + h.pid() + " on " + h.host() + ", " + h.command();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 63 ? name : new String(bytes, 0, 63, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }
}
