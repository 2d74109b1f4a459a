package io.godwit.internal;

import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The writes repair and rehash make to a history, on the caller's connection and transaction. The
 * side table gets a row for a migration another tool applied the first time one is needed; its
 * {@code applied_at} and {@code godwit_version} stay empty, since Godwit did not apply it.
 */
final class SideRows {
    private SideRows() {
    }

    /** Creates the side table if a history written by another tool has none. */
    static void ensureTable(Database db, Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : HistoryTables.create(db)) {
                st.execute(ddl);
            }
        }
    }

    static void setHash(Database db, Connection c, StoredHistory.Row row, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + db.table(HistoryTables.MIGRATIONS)
                + " SET hash = ? WHERE dir = ? AND version = ?")) {
            ps.setString(1, hash);
            ps.setString(2, row.dir());
            ps.setInt(3, row.version());
            ps.executeUpdate();
        }
    }

    static void setRepeatableHash(Database db, Connection c, StoredHistory.Repeatable row, String hash, String algorithm)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + db.table(HistoryTables.REPEATABLES)
                + " SET hash = ?, hash_algorithm = ? WHERE dir = ? AND filename = ?")) {
            ps.setString(1, hash);
            ps.setString(2, algorithm);
            ps.setString(3, row.dir());
            ps.setString(4, row.filename());
            ps.executeUpdate();
        }
    }

    static void update(Database db, Connection c, StoredHistory.Row row, String algorithm, Set<String> accepted,
                       String note) throws SQLException {
        String sql = row.hasSideRow()
                ? "UPDATE " + db.table(HistoryTables.SIDE) + " SET hash_algorithm = ?, accepted_hashes = ?, note = ?"
                  + " WHERE dir = ? AND version = ?"
                : "INSERT INTO " + db.table(HistoryTables.SIDE) + " (hash_algorithm, accepted_hashes, note, dir, version, state)"
                  + " VALUES (?, ?, ?, ?, ?, '" + HistoryTables.STATE_APPLIED + "')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, algorithm);
            ps.setString(2, accepted.isEmpty() ? null : String.join(" ", new TreeSet<>(accepted)));
            ps.setString(3, note);
            ps.setString(4, row.dir());
            ps.setInt(5, row.version());
            ps.executeUpdate();
        }
    }

    /** The row's note with one more dated line. */
    static String appendNote(String note, String line) {
        String dated = Instant.now() + " " + line.replace('\n', ' ');
        return note == null || note.isBlank() ? dated : note + "\n" + dated;
    }
}
