package io.godwit.store.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few read connections shared by the threads of one client: a reader borrows one, runs its
 * snapshot and gives it back. Connections are opened on demand up to {@code size}; a thread that
 * finds them all borrowed waits for one (reads are short). Not a general pool: no validation, no
 * eviction; a connection that failed is closed and replaced.
 */
final class ReaderPool implements AutoCloseable {
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private boolean closed;

    ReaderPool(int size, Opener opener) {
        this.size = size;
        this.opener = opener;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    Connection borrow() throws SQLException {
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
    void giveBack(Connection c, boolean broken) {
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
