package io.godwit.internal;

import io.godwit.Version;
import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes history rows on the caller's connection and transaction: Chroma's {@code migrations}
 * row and Godwit's side row. Statements are prepared once per unit and reused.
 */
final class HistoryWriter implements AutoCloseable {
    private final PreparedStatement insertMigration;
    private final PreparedStatement insertSide;
    private final PreparedStatement deleteSide;
    private final Database db;
    private final Connection c;

    HistoryWriter(Database db, Connection c) throws SQLException {
        this.db = db;
        this.c = c;
        this.insertMigration = c.prepareStatement("INSERT INTO " + db.table(HistoryTables.MIGRATIONS)
                + " (dir, version, filename, sql, hash) VALUES (?, ?, ?, ?, ?)");
        this.insertSide = c.prepareStatement("INSERT INTO " + db.table(HistoryTables.SIDE)
                + " (dir, version, applied_at, duration_ms, godwit_version, hash_algorithm, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.deleteSide = c.prepareStatement("DELETE FROM " + db.table(HistoryTables.SIDE)
                + " WHERE dir = ? AND version = ?");
    }

    /** The migration's rows in both tables, as applied now. */
    void recordApplied(Migration m, Duration took, String algorithm) throws SQLException {
        insertMigration.setString(1, m.subsystem());
        insertMigration.setInt(2, m.version());
        insertMigration.setString(3, m.filename());
        insertMigration.setString(4, m.text());
        insertMigration.setString(5, m.hash());
        insertMigration.executeUpdate();
        side(m, took.toMillis(), algorithm, HistoryTables.STATE_APPLIED);
    }

    /** A repeatable migration's row, replacing the one of its last application. */
    void recordRepeatable(Migration m, Duration took, String algorithm) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + db.table(HistoryTables.REPEATABLES)
                + " WHERE dir = ? AND filename = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + db.table(HistoryTables.REPEATABLES)
                     + " (dir, filename, sql, hash, applied_at, duration_ms, godwit_version, hash_algorithm)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, m.subsystem());
            delete.setString(2, m.filename());
            delete.executeUpdate();
            insert.setString(1, m.subsystem());
            insert.setString(2, m.filename());
            insert.setString(3, m.text());
            insert.setString(4, m.hash());
            insert.setString(5, Instant.now().toString());
            insert.setLong(6, took.toMillis());
            insert.setString(7, Version.get());
            insert.setString(8, algorithm);
            insert.executeUpdate();
        }
    }

    /** Marks a migration that is not applied as running or failed (no-transaction migrations). */
    void markState(Migration m, String state, String algorithm) throws SQLException {
        clearState(m);
        side(m, null, algorithm, state);
    }

    void clearState(Migration m) throws SQLException {
        deleteSide.setString(1, m.subsystem());
        deleteSide.setInt(2, m.version());
        deleteSide.executeUpdate();
    }

    private void side(Migration m, Long millis, String algorithm, String state) throws SQLException {
        insertSide.setString(1, m.subsystem());
        insertSide.setInt(2, m.version());
        insertSide.setString(3, Instant.now().toString());
        if (millis == null) {
            insertSide.setNull(4, java.sql.Types.BIGINT);
        } else {
            insertSide.setLong(4, millis);
        }
        insertSide.setString(5, Version.get());
        insertSide.setString(6, algorithm);
        insertSide.setString(7, state);
        insertSide.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement a = insertMigration; PreparedStatement b = insertSide; PreparedStatement d = deleteSide) {
            // closes all three, even when one fails
        }
    }
}
