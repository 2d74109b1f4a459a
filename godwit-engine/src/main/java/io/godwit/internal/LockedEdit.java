package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.spi.Database;
import io.godwit.spi.InUseHold;
import io.godwit.spi.MigrationLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs one change to the history the way the migrator applies migrations: under the migration lock
 * (no migrator can add rows meanwhile), reading the rows inside the transaction that writes them,
 * committing all or nothing. Never creates a database.
 */
final class LockedEdit {
    interface Edit<T> {
        T apply(Connection c, List<StoredHistory.Row> rows) throws SQLException;
    }

    private LockedEdit() {
    }

    static <T> T run(GodwitConfiguration config, String action, Edit<T> edit) {
        Database db = config.database();
        try {
            Optional<Connection> existing = db.openForReading();
            if (existing.isEmpty()) {
                throw new GodwitException("There is no database at " + db.describe() + ": nothing to " + action);
            }
            existing.get().close();
            try (Connection c = db.openForWriting(); MigrationLock lock = TimedLock.take(config, c);
                 InUseHold inUse = InUseGuard.change(config, c, action)) {
                c.setAutoCommit(false);
                try {
                    T result = edit.apply(c, StoredHistory.read(db, c));
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new GodwitException("Could not " + action + " " + db.describe() + ": " + e.getMessage(), e);
        }
    }
}
