package io.godwit.internal;

import io.godwit.HistoryEntry;
import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A database's history as read at one moment: applied migrations per subsystem in version order,
 * plus migrations the side table marks as needing attention (a no-transaction migration that
 * started and never finished). Reading never writes.
 */
public final class History {
    private final boolean initialized;
    private final Map<String, List<HistoryEntry>> applied;
    private final Map<String, Map<Integer, String>> unfinished;
    private final Map<String, Map<String, String>> repeatableHashes;

    private History(boolean initialized, Map<String, List<HistoryEntry>> applied,
                    Map<String, Map<Integer, String>> unfinished, Map<String, Map<String, String>> repeatableHashes) {
        this.initialized = initialized;
        this.applied = applied;
        this.unfinished = unfinished;
        this.repeatableHashes = repeatableHashes;
    }

    public static History empty() {
        return new History(false, Map.of(), Map.of(), Map.of());
    }

    public static History read(Database db, Connection c) throws SQLException {
        Set<String> tables = db.existingTables(c, Set.of(HistoryTables.MIGRATIONS, HistoryTables.SIDE, HistoryTables.REPEATABLES));
        if (!tables.contains(HistoryTables.MIGRATIONS)) {
            return empty();
        }
        boolean hasSide = tables.contains(HistoryTables.SIDE);
        Map<String, List<HistoryEntry>> applied = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> unfinished = new HashMap<>();
        try (Statement st = c.createStatement()) {
            String sql = hasSide
                    ? "SELECT m.dir, m.version, m.filename, m.hash, s.applied_at, s.duration_ms, s.hash_algorithm, s.accepted_hashes,"
                      + " s.godwit_version"
                      + " FROM " + db.table(HistoryTables.MIGRATIONS) + " m LEFT JOIN " + db.table(HistoryTables.SIDE)
                      + " s ON s.dir = m.dir AND s.version = m.version ORDER BY m.dir, m.version"
                    : "SELECT dir, version, filename, hash, NULL, NULL, NULL, NULL, NULL FROM "
                      + db.table(HistoryTables.MIGRATIONS) + " ORDER BY dir, version";
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String dir = rs.getString(1);
                    String at = rs.getString(5);
                    long duration = rs.getLong(6);
                    Long durationMillis = rs.wasNull() ? null : duration;
                    String accepted = rs.getString(8);
                    applied.computeIfAbsent(dir, k -> new ArrayList<>()).add(new HistoryEntry(
                            dir, rs.getInt(2), rs.getString(3), rs.getString(4),
                            at == null ? null : Instant.parse(at), durationMillis, rs.getString(7),
                            accepted == null || accepted.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(accepted.trim().split("\\s+"))),
                            rs.getString(9)));
                }
            }
            if (hasSide) {
                try (ResultSet rs = st.executeQuery("SELECT dir, version, state FROM " + db.table(HistoryTables.SIDE)
                        + " WHERE state <> '" + HistoryTables.STATE_APPLIED + "'")) {
                    while (rs.next()) {
                        unfinished.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                    }
                }
            }
        }
        Map<String, Map<String, String>> repeatables = new HashMap<>();
        if (tables.contains(HistoryTables.REPEATABLES)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT dir, filename, hash FROM " + db.table(HistoryTables.REPEATABLES))) {
                while (rs.next()) {
                    repeatables.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return new History(true, applied, unfinished, repeatables);
    }

    /** The hash a repeatable migration was last applied with, or null if never. */
    public String repeatableHash(String subsystem, String filename) {
        return repeatableHashes.getOrDefault(subsystem, Map.of()).get(filename);
    }

    /** False when the database has no history table at all. */
    public boolean initialized() {
        return initialized;
    }

    public List<HistoryEntry> applied(String subsystem) {
        return applied.getOrDefault(subsystem, List.of());
    }

    /** Every recorded row, per subsystem, in version order. */
    public Map<String, List<HistoryEntry>> all() {
        return Map.copyOf(applied);
    }

    /** Every subsystem the history names, in name order. */
    public List<String> subsystems() {
        return List.copyOf(applied.keySet());
    }

    /** The side-table state of a migration that is not applied but was started: running or failed. */
    public String unfinishedState(String subsystem, int version) {
        return unfinished.getOrDefault(subsystem, Map.of()).get(version);
    }

    public Map<Integer, String> unfinished(String subsystem) {
        return unfinished.getOrDefault(subsystem, Map.of());
    }
}
