package io.godwit.store.local;

/**
 * The store's connections to its database and the concurrency model in one place. Reads run on
 * a small pool of read connections, many at once, each in one snapshot; writes run one at a time
 * (in this process through a lock, across processes through the database, waiting at most
 * {@code Settings.writeLockTimeout} before a {@code BUSY} refusal naming the holder), each in one
 * transaction that is durable when {@link #write} returns. A failing write rolls back whole.
 *
 * <p>A {@link io.godwit.store.StoreException} thrown by the work passes through unchanged (after the
 * rollback); an {@link java.sql.SQLException} becomes an INTERNAL StoreException naming the action.
 */
public interface Connections extends AutoCloseable {

    /** Runs {@code work} in one read snapshot; called by every get, query, count and catalog read. */
    <T> T read(String action, Jdbc.Work<T> work);

    /** Runs {@code work} in one write transaction, serialised with every other write to this store. */
    <T> T write(String action, Jdbc.Work<T> work);

    /** Whether the database is PostgreSQL (else SQLite), for the few statements that differ. */
    boolean postgres();

    /** Where the store lives, for messages (never a password). */
    String describe();

    /** Waits for running calls, then closes every connection. */
    @Override
    void close();
}
