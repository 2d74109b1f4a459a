package io.godwit.internal;

import io.godwit.HashAlgorithm;
import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The history's rows as stored, SQL text and notes included: what verify, repair and rehash work
 * on. {@link History} is the lighter view the migrator compares files with. Repeatable migrations
 * have rows of their own, without version, accepted hashes or notes.
 */
final class StoredHistory {
    private StoredHistory() {
    }

    /**
     * @param sql            the text that was applied, as stored
     * @param hashAlgorithm  the algorithm recorded beside the row; null for a row another tool wrote
     * @param acceptedHashes hashes of deliberate edits accepted by {@code godwit repair}
     * @param note           what repair and rehash recorded about the row, one line each
     * @param hasSideRow     whether Godwit's side table has a row for it yet
     */
    record Row(String dir, int version, String filename, String sql, String hash, String hashAlgorithm,
               Set<String> acceptedHashes, String note, boolean hasSideRow) {

        HashAlgorithm algorithm(HashAlgorithm configured) {
            return RowAlgorithm.of(hashAlgorithm, hash, configured);
        }

        boolean accepts(String candidate) {
            return hash.equals(candidate) || acceptedHashes.contains(candidate);
        }

        /**
         * True when the stored SQL still hashes to a hash the row accepts. Both the text as stored and
         * its normalized form count: Godwit stores normalized text, and another tool may have stored
         * a BOM it hashed along.
         */
        boolean sqlMatches(HashAlgorithm algorithm) {
            return accepts(algorithm.hash(sql)) || accepts(algorithm.hash(HashAlgorithm.normalize(sql)));
        }

        String path() {
            return dir + "/" + filename;
        }
    }

    /** A repeatable migration's row in {@code godwit_repeatables}: the text it was last applied with. */
    record Repeatable(String dir, String filename, String sql, String hash, String hashAlgorithm) {

        HashAlgorithm algorithm(HashAlgorithm configured) {
            return RowAlgorithm.of(hashAlgorithm, hash, configured);
        }

        boolean sqlMatches(HashAlgorithm algorithm) {
            return hash.equals(algorithm.hash(sql)) || hash.equals(algorithm.hash(HashAlgorithm.normalize(sql)));
        }
    }

    static List<Repeatable> readRepeatables(Database db, Connection c) throws SQLException {
        List<Repeatable> rows = new ArrayList<>();
        if (!db.tableExists(c, HistoryTables.REPEATABLES)) {
            return rows;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT dir, filename, sql, hash, hash_algorithm FROM "
                + db.table(HistoryTables.REPEATABLES) + " ORDER BY dir, filename")) {
            while (rs.next()) {
                rows.add(new Repeatable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return rows;
    }

    static List<Row> read(Database db, Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!db.tableExists(c, HistoryTables.MIGRATIONS)) {
            return rows;
        }
        boolean hasSide = db.tableExists(c, HistoryTables.SIDE);
        String sql = hasSide
                ? "SELECT m.dir, m.version, m.filename, m.sql, m.hash, s.hash_algorithm, s.accepted_hashes, s.note, s.dir"
                  + " FROM " + db.table(HistoryTables.MIGRATIONS) + " m LEFT JOIN " + db.table(HistoryTables.SIDE)
                  + " s ON s.dir = m.dir AND s.version = m.version ORDER BY m.dir, m.version"
                : "SELECT dir, version, filename, sql, hash, NULL, NULL, NULL, NULL FROM "
                  + db.table(HistoryTables.MIGRATIONS) + " ORDER BY dir, version";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String accepted = rs.getString(7);
                rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), accepted == null || accepted.isBlank() ? Set.of()
                                : Set.copyOf(Arrays.asList(accepted.trim().split("\\s+"))),
                        rs.getString(8), rs.getString(9) != null));
            }
        }
        return rows;
    }
}
