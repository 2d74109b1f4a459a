package io.godwit.store.local;

import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * After {@code godwit restore} or {@code godwit rollback}: the store starts a new life, so it gets a
 * new epoch. Index files (and positions in {@code max_seq_id}) made before the restore name the old
 * epoch, which the restored database may share (a backup of the same life): without a new one, an
 * index built from writes the restore undid could pass for current once new writes move the log
 * past its seq_id. With it, every segment rebuilds from the restored records at its next open.
 * A database restored to a release without {@code store_epoch} gets one when it is upgraded again.
 */
public final class EpochRenewal {
    private EpochRenewal() {
    }

    /** Gives the store in {@code database} a new epoch; false when it has none (not a store, or before 0.2.0). */
    public static boolean renew(Database database) throws SQLException {
        try (Connection c = database.openForWriting()) {
            if (!database.tableExists(c, "store_epoch")) {
                return false;
            }
            String table = database.table("store_epoch");
            String epoch = UUID.randomUUID().toString();
            if (Jdbc.update(c, "UPDATE " + table + " SET epoch = ? WHERE id = 1", epoch) == 0) {
                Jdbc.update(c, "INSERT INTO " + table + " (id, epoch) VALUES (1, ?)", epoch);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return true;
        }
    }
}
