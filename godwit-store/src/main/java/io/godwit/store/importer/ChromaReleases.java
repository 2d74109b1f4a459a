package io.godwit.store.importer;

import io.godwit.GodwitException;
import io.godwit.store.chroma.ChromaHistory;
import io.godwit.store.chroma.ChromaMatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Chroma releases could have written a {@code chroma.sqlite3}, from its migration history:
 * recognised by the recorded hashes ({@link ChromaHistory}, e.g. "Chroma 1.0.0 or later"), or,
 * when they are not Chroma's known ones, the history in words ("sysdb 1-9, metadb 1-5,
 * embeddings_queue 1-2"), which is all an import needs to go on: the schema is read as found.
 */
final class ChromaReleases {
    private ChromaReleases() {
    }

    static String describe(Path file, Connection db) {
        try {
            return ChromaHistory.get().read(file).map(ChromaReleases::words)
                    .orElseGet(() -> "migrations " + history(db) + ", not a history Chroma's releases wrote");
        } catch (GodwitException e) {
            return "migrations " + history(db);
        }
    }

    private static String words(ChromaMatch match) {
        String text = "written by " + match.range();
        return match.problems().isEmpty() ? text : text + " (" + String.join(" ", match.problems()) + ")";
    }

    static String history(Connection db) {
        List<String> parts = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT dir, min(version), max(version) FROM migrations GROUP BY dir ORDER BY"
                     + " CASE dir WHEN 'sysdb' THEN 0 WHEN 'metadb' THEN 1 ELSE 2 END, dir")) {
            while (rs.next()) {
                parts.add(rs.getString(1) + " " + rs.getInt(2) + "-" + rs.getInt(3));
            }
        } catch (SQLException e) {
            return "unknown (no migrations table)";
        }
        return parts.isEmpty() ? "none recorded" : String.join(", ", parts);
    }
}
