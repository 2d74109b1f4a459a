package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction around a piece of work, by explicit statements ({@code BEGIN ...}, {@code COMMIT},
 * {@code ROLLBACK}) on an auto-commit connection, so no driver opens a transaction behind our back
 * (sqlite-jdbc begins the next one right after a commit when auto-commit is off, which on a writer
 * would hold the database's write lock between calls).
 */
final class Transactions {
    private Transactions() {
    }

    static <T> T run(Connection c, String begin, String action, String store, Jdbc.Work<T> work) {
        try {
            StatementCache.execute(c, begin);
        } catch (SQLException e) {
            throw Jdbc.failure(action, store, e);
        }
        return finish(c, action, store, work);
    }

    /** Runs the work inside the transaction already begun on {@code c}, then commits, or rolls back on failure. */
    static <T> T finish(Connection c, String action, String store, Jdbc.Work<T> work) {
        boolean done = false;
        try {
            T result = work.run(c);
            StatementCache.execute(c, "COMMIT");
            done = true;
            return result;
        } catch (SQLException e) {
            throw Jdbc.failure(action, store, e);
        } finally {
            if (!done) {
                rollbackQuietly(c);
            }
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                StatementCache.execute(c, "ROLLBACK");
            }
        } catch (SQLException ignored) {
            // no transaction was open (BEGIN failed) or the connection is gone: nothing was committed
        }
    }

    static StoreException closed(String store) {
        return new StoreException(StoreException.Kind.INTERNAL, "The store client for " + store
                + " is closed; open a new one");
    }
}
