package io.godwit.store.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The store's epoch ({@code store_epoch}): a UUID that is new whenever the store starts a new life
 * (created, reset). Segments record it beside their seq_id, so that a position from another life of
 * the store (a reset, a restored backup) is never trusted.
 */
final class StoreEpoch {
    private StoreEpoch() {
    }

    /** The current epoch; made when the store has none yet (its first open, or after a reset). Inside a write. */
    static String ensure(Connection c) throws SQLException {
        String epoch = current(c);
        if (epoch != null) {
            return epoch;
        }
        epoch = UUID.randomUUID().toString();
        Jdbc.update(c, "INSERT INTO store_epoch (id, epoch) VALUES (1, ?)", epoch);
        return epoch;
    }

    static String current(Connection c) throws SQLException {
        return Jdbc.stringValue(c, "SELECT epoch FROM store_epoch WHERE id = 1");
    }
}
