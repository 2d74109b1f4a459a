package io.godwit.spi;

import io.godwit.InUseHolder;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * An optional ability of a {@link Database}: it knows which processes hold it in use, so that a
 * change of schema or a swap of the database waits for them and then refuses, naming them, instead
 * of changing a store under a running client. Detected where migrate (with something pending),
 * restore, rollback, rehash and repair need the store to themselves, and where clients open it.
 */
public interface InUseTracking {

    /**
     * Marks the store in use by {@code holder} until the hold is closed. Many holders share it.
     * Waits at most {@code timeout} while a change holds it exclusively; past it throws
     * {@link io.godwit.LockTimeoutError} naming that change. Called once per client open, after
     * the client has migrated.
     */
    InUseHold holdShared(InUseHolder holder, Duration timeout) throws SQLException;

    /**
     * Takes the store to itself for a change, waiting at most {@code timeout} for every shared
     * holder to close; past it throws {@link io.godwit.StoreInUseError} naming each holder, having
     * changed nothing. {@code connection} is the changing run's own (PostgreSQL holds the lock on
     * its session), or null when the run has none. Called under the migration lock, once per change.
     */
    InUseHold holdExclusive(Connection connection, InUseHolder self, String action, Duration timeout) throws SQLException;

    /**
     * Who holds the store in use now, described as a refusal would name them; empty when nobody
     * does or there is no store. Reads only: creates nothing, removes nothing. Called by status.
     */
    List<String> holders() throws SQLException;
}
