package io.godwit.cli;

import io.godwit.GodwitException;
import io.godwit.spi.Database;
import io.godwit.store.local.EpochRenewal;

import java.io.PrintWriter;
import java.sql.SQLException;

/**
 * After a restore or rollback the store begins a new life: a new epoch, so that every vector index
 * built before (its files beside the database name the old epoch) is rebuilt from the restored
 * records at its next open instead of passing for current. See README, "Vector index".
 */
final class NewEpoch {
    private NewEpoch() {
    }

    static void after(Database database, PrintWriter out) {
        try {
            if (EpochRenewal.renew(database)) {
                out.println("The store has a new epoch: vector indexes are rebuilt from the restored records when next opened.");
            }
        } catch (SQLException e) {
            throw new GodwitException("The database was restored, but its store epoch could not be renewed in "
                    + database.describe() + " (" + e.getMessage() + "): run the same command's restore again, or"
                    + " delete the vector/ folder of the persist directory, before opening the store");
        }
    }
}
