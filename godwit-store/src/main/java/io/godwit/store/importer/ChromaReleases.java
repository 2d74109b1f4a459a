package io.godwit.store.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration history a {@code chroma.sqlite3} records, in words ("sysdb 1-9, metadb 1-5,
 * embeddings_queue 1-2"). Which Chroma releases could have written it, recognised by the recorded
 * hashes, is the engine's {@code ChromaHistory} (issue 14) once it is on main.
 */
final class ChromaReleases {
    private ChromaReleases() {
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
