package io.godwit.cli;

import io.godwit.GodwitException;
import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.spi.Database;
import io.godwit.store.local.IndexVerification;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** verify's section on the vector indexes: each persisted index, caught up in memory, holds exactly its collection's records. */
final class VectorIndexSection {
    private VectorIndexSection() {
    }

    /** Prints the section (nothing when the database holds no store) and returns its problems. */
    static List<String> print(PrintWriter out, Database database) {
        if (!(database instanceof SqliteDatabase sqlite)) {
            out.println("  vector indexes: kept in memory by each process on this database (nothing persisted to check)");
            return List.of();
        }
        Optional<IndexVerification.Report> report;
        try {
            report = IndexVerification.run(database, sqlite.file().toAbsolutePath().getParent());
        } catch (SQLException e) {
            throw new GodwitException("verify: could not read the collections of " + database.describe() + " to check"
                    + " their vector indexes (" + e.getMessage() + ")");
        }
        if (report.isEmpty()) {
            return List.of();
        }
        IndexVerification.Report r = report.get();
        List<String> problems = r.problems();
        out.println("  vector indexes (" + r.collections() + " collections, " + r.withFiles() + " with an index file): "
                + (problems.isEmpty() ? "ok" : problems.size() + " problem(s)"));
        problems.forEach(p -> out.println("    " + p));
        return problems;
    }
}
