package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.HistoryProblem;
import io.godwit.ProgressListener;
import io.godwit.VerifyReport;
import io.godwit.spi.Database;
import io.godwit.spi.IntegrityCheckable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code godwit verify}: the database checks itself where its dialect can (SQLite's integrity and
 * foreign key checks), and every history row's stored SQL is hashed again and compared with the
 * hash the row records, so a history edited by hand is found. Reads only; never creates a database.
 * Files are not compared here: that is what validate does.
 */
public final class Verifier {
    private static final Log LOG = Log.get(Verifier.class);

    private final GodwitConfiguration config;
    private final Database db;

    public Verifier(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    public VerifyReport verify() {
        ProgressListener progress = config.progress();
        try {
            Optional<Connection> existing = db.openForReading();
            if (existing.isEmpty()) {
                throw new GodwitException("There is no database at " + db.describe() + ": nothing to verify");
            }
            try (Connection c = existing.get()) {
                List<String> integrity = List.of();
                List<String> foreignKeys = List.of();
                boolean checked = db instanceof IntegrityCheckable;
                if (db instanceof IntegrityCheckable checkable) {
                    // One SQLite call each: the bar moves when it returns.
                    progress.progress("integrity check", 0, 2);
                    integrity = checkable.integrityProblems(c);
                    progress.progress("integrity check", 1, 2);
                    foreignKeys = checkable.foreignKeyProblems(c);
                    progress.progress("integrity check", 2, 2);
                }
                List<StoredHistory.Row> rows = StoredHistory.read(db, c);
                List<StoredHistory.Repeatable> repeatables = StoredHistory.readRepeatables(db, c);
                List<HistoryProblem> history = history(rows, repeatables, progress);
                VerifyReport report = new VerifyReport(db.describe(), checked, integrity, foreignKeys, history,
                        rows.size() + repeatables.size());
                LOG.info("Verified {}: {}", db.describe(), report.ok() ? "ok" : "problems found");
                return report;
            }
        } catch (SQLException e) {
            throw new GodwitException("Could not verify " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private List<HistoryProblem> history(List<StoredHistory.Row> rows, List<StoredHistory.Repeatable> repeatables,
                                         ProgressListener progress) {
        List<HistoryProblem> problems = new ArrayList<>();
        int total = rows.size() + repeatables.size();
        progress.progress("history", 0, total);
        for (int i = 0; i < rows.size(); i++) {
            StoredHistory.Row row = rows.get(i);
            HashAlgorithm algorithm = row.algorithm(config.hashAlgorithm());
            if (!row.sqlMatches(algorithm)) {
                problems.add(new HistoryProblem(row.dir(), row.version(), row.filename(), algorithm, row.hash(),
                        algorithm.hash(row.sql())));
            }
            progress.progress("history", i + 1, total);
        }
        for (int i = 0; i < repeatables.size(); i++) {
            StoredHistory.Repeatable row = repeatables.get(i);
            HashAlgorithm algorithm = row.algorithm(config.hashAlgorithm());
            if (!row.sqlMatches(algorithm)) {
                problems.add(new HistoryProblem(row.dir(), 0, row.filename(), algorithm, row.hash(), algorithm.hash(row.sql())));
            }
            progress.progress("history", rows.size() + i + 1, total);
        }
        return problems;
    }
}
