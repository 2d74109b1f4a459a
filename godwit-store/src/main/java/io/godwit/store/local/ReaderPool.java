package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The read side of a store's connections (SQLite files and PostgreSQL alike): a few read connections
 * shared by the threads of one client. {@link #read} borrows one, runs the work in one snapshot
 * begun by the dialect's {@code begin} statement and gives it back. Connections are opened on demand
 * up to {@code size}; a thread that finds them all borrowed waits for one (reads are short). Not a
 * general pool: no validation, no eviction; a connection that failed is closed and replaced.
 */
final class ReaderPool implements AutoCloseable {
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final String begin;
    private final String store;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private boolean closed;

    /**
     * @param begin the statement that opens a read snapshot ({@code BEGIN} on SQLite WAL,
     *              {@code BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY} on PostgreSQL)
     * @param store where the store lives, for messages
     */
    ReaderPool(int size, String begin, String store, Opener opener) {
        this.size = size;
        this.begin = begin;
        this.store = store;
        this.opener = opener;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** Runs {@code work} in one read snapshot on a borrowed connection; see {@link Connections#read}. */
    <T> T read(String action, Jdbc.Work<T> work) {
        Connection c;
        try {
            c = borrow();
        } catch (SQLException e) {
            throw Jdbc.failure(action, store, e);
        } catch (IllegalStateException e) {
            throw Transactions.closed(store);
        }
        boolean broken = true;
        try {
            T result = Transactions.run(c, begin, action, store, work);
            broken = false;
            return result;
        } catch (StoreException e) {
            broken = e.kind() == StoreException.Kind.INTERNAL;   // a refusal of the input leaves the connection sound
            throw e;
        } finally {
            giveBack(c, broken);
        }
    }

    private Connection borrow() throws SQLException {
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The store client is closed");
            }
            if (all.size() < size) {
                Connection opened = opener.open();
                all.add(opened);
                return opened;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a read connection", e);
        }
    }

    /** Gives a connection back; {@code broken} ones are closed and forgotten. */
    private void giveBack(Connection c, boolean broken) {
        if (broken) {
            synchronized (this) {
                all.remove(c);
            }
            closeQuietly(c);
            return;
        }
        idle.offer(c);
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection c : all) {
            closeQuietly(c);
        }
        all.clear();
        idle.clear();
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }
}
