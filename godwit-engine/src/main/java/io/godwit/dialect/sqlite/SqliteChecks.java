package io.godwit.dialect.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite's own checks of a database file, as lines a report can show. */
final class SqliteChecks {
    private SqliteChecks() {
    }

    /** {@code PRAGMA integrity_check}: reads every page; one row "ok" when the file is sound. */
    static List<String> integrity(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        return problems.equals(List.of("ok")) ? List.of() : problems;
    }

    /** {@code PRAGMA foreign_key_check}: one line per row whose parent is missing. */
    static List<String> foreignKeys(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                problems.add("table " + rs.getString(1) + " rowid " + rs.getString(2) + " references missing row in "
                        + rs.getString(3) + " (foreign key #" + rs.getInt(4) + ")");
            }
        }
        return problems;
    }
}
