package io.godwit.store.local;

import io.godwit.store.metadata.RecordFilter;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ephemeral store: an in-memory SQLite database (nothing on disk), named
 * {@code file:godwit-UUID?mode=memory&cache=shared} so that the migration engine's connections
 * reach the same database while this client's connection keeps it alive; it vanishes when the
 * client closes. SQLite's shared cache locks whole tables and cannot give readers a snapshot beside
 * a writer, so this store runs every call, read or write, on its one connection, one at a time.
 */
public final class MemoryConnections implements Connections {
    private final String url;
    private final String name;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);

    public MemoryConnections() {
        this.name = "godwit-" + UUID.randomUUID();
        this.url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        try {
            this.connection = open();
        } catch (SQLException e) {
            throw Jdbc.failure("open", describe(), e);
        }
    }

    /** A new connection to the same in-memory database (the migration engine's), with the filters' SQL functions. */
    Connection open() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection(url, cfg.toProperties());
        RecordFilter.registerFunctions(c);
        return c;
    }

    @Override
    public <T> T read(String action, Jdbc.Work<T> work) {
        return run("BEGIN", action, work);
    }

    @Override
    public <T> T write(String action, Jdbc.Work<T> work) {
        return run("BEGIN IMMEDIATE", action, work);
    }

    private <T> T run(String begin, String action, Jdbc.Work<T> work) {
        lock.lock();
        try {
            if (connection.isClosed()) {
                throw Transactions.closed(describe());
            }
            return Transactions.run(connection, begin, action, describe(), work);
        } catch (SQLException e) {
            throw Jdbc.failure(action, describe(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean postgres() {
        return false;
    }

    @Override
    public String describe() {
        return "memory:" + name;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            ReaderPool.closeQuietly(connection);
        } finally {
            lock.unlock();
        }
    }
}
