package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store in a PostgreSQL database shared by many application instances. Reads run in
 * {@code REPEATABLE READ} snapshots on a small pool and never wait for writers. Writes take one
 * transaction-level advisory lock (released by the server at commit, rollback or disconnect, so a
 * killed writer never blocks the next), waiting at most {@code writeLockTimeout} through
 * {@code lock_timeout}; a refusal names the holder from {@code pg_stat_activity}. Serialising the
 * writers keeps the log's seq_ids in commit order, which the segments' positions rely on.
 */
public final class PostgresConnections implements Connections {
    private static final int READERS = 4;
    /** The write lock's key pair in pg_locks (classid, objid): "GDWT", "RITE". */
    private static final int KEY_HIGH = 0x47445754;
    private static final int KEY_LOW = 0x52495445;
    private static final String HOLDER = "SELECT a.pid, a.application_name, host(a.client_addr), a.xact_start"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 2"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())";

    private final String url;
    private final Properties properties = new Properties();
    private final Duration writeLockTimeout;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final ReaderPool readers;

    public PostgresConnections(String url, String user, String password, Duration writeLockTimeout) {
        this.url = url;
        this.writeLockTimeout = writeLockTimeout;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "godwit pid " + ProcessHandle.current().pid() + " on "
                + SqliteConnections.hostName());
        try {
            this.writer = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw Jdbc.failure("connect", describe(), e);
        }
        this.readers = new ReaderPool(READERS, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", describe(),
                () -> DriverManager.getConnection(url, properties));
    }

    @Override
    public <T> T read(String action, Jdbc.Work<T> work) {
        return readers.read(action, work);
    }

    @Override
    public <T> T write(String action, Jdbc.Work<T> work) {
        writeLock.lock();
        try {
            if (writer.isClosed()) {
                throw Transactions.closed(describe());
            }
            Jdbc.execute(writer, "BEGIN");
            lock(action);
            return Transactions.finish(writer, action, describe(), work);
        } catch (SQLException e) {
            Transactions.rollbackQuietly(writer);
            throw Jdbc.failure(action, describe(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void lock(String action) throws SQLException {
        Jdbc.execute(writer, "SET LOCAL lock_timeout = '" + Math.max(1, writeLockTimeout.toMillis()) + "ms'");
        try (PreparedStatement ps = writer.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, KEY_HIGH);
            ps.setInt(2, KEY_LOW);
            ps.execute();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                Transactions.rollbackQuietly(writer);
                throw new StoreException(StoreException.Kind.BUSY, "Could not " + action + ": the store at "
                        + describe() + " is being written by another session (" + holder() + ") and stayed locked for "
                        + writeLockTimeout.toMillis() + " ms (Settings.writeLockTimeout, GODWIT_WRITE_LOCK_TIMEOUT_MS)."
                        + " Nothing was written; retry, or stop that writer.", e);
            }
            throw e;
        }
        Jdbc.execute(writer, "SET LOCAL lock_timeout = 0");
    }

    /** Who holds the write lock, read on a separate connection (ours is in an aborted transaction). */
    private String holder() {
        try (Connection c = DriverManager.getConnection(url, properties);
             PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setInt(1, KEY_HIGH);
            ps.setInt(2, KEY_LOW);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "it has finished since";
                }
                return "server pid " + rs.getInt(1) + ", application '" + rs.getString(2) + "', from "
                        + (rs.getString(3) == null ? "a local socket" : rs.getString(3)) + ", in a transaction since "
                        + rs.getObject(4);
            }
        } catch (SQLException e) {
            return "unknown: " + e.getMessage();
        }
    }

    @Override
    public boolean postgres() {
        return true;
    }

    @Override
    public String describe() {
        return url.replaceAll("\\?.*", "");
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.close();
            ReaderPool.closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }
}
