package io.godwit.backup;

import io.godwit.HistoryEntry;
import io.godwit.internal.History;
import io.godwit.internal.HistoryTables;
import io.godwit.spi.Database;
import io.godwit.spi.RestoreCapable;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the live database with a backup, reading both and writing neither: which applied
 * migrations the backup lacks and how many rows each table has in each.
 */
final class RestoreComparison {
    private static final Set<String> HISTORY = Set.of(HistoryTables.MIGRATIONS, HistoryTables.SIDE, HistoryTables.REPEATABLES);

    private RestoreComparison() {
    }

    static RestorePlan compare(Database db, RestoreCapable restorable, Backup backup) throws SQLException {
        History backupHistory;
        Map<String, Long> backupRows;
        try (Connection c = restorable.openCopy(backup.file())) {
            backupHistory = History.read(db, c);
            backupRows = rowCounts(c);
        }
        History currentHistory = History.empty();
        Map<String, Long> currentRows = Map.of();
        Optional<Connection> live = db.openForReading();
        if (live.isPresent()) {
            try (Connection c = live.get()) {
                currentHistory = History.read(db, c);
                currentRows = rowCounts(c);
            }
        }
        return new RestorePlan(restorable.file(), backup, undone(currentHistory, backupHistory),
                tables(currentRows, backupRows));
    }

    private static List<HistoryEntry> undone(History current, History backup) {
        List<HistoryEntry> undone = new ArrayList<>();
        for (String subsystem : current.subsystems()) {
            Set<Integer> kept = new TreeSet<>();
            backup.applied(subsystem).forEach(e -> kept.add(e.version()));
            current.applied(subsystem).stream().filter(e -> !kept.contains(e.version())).forEach(undone::add);
        }
        return undone;
    }

    private static List<TableRows> tables(Map<String, Long> current, Map<String, Long> backup) {
        Set<String> names = new TreeSet<>(current.keySet());
        names.addAll(backup.keySet());
        List<TableRows> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new TableRows(name, current.getOrDefault(name, -1L), backup.getOrDefault(name, -1L)));
        }
        return tables;
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_") && !HISTORY.contains(name)) {
                    names.add(name);
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(name, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
