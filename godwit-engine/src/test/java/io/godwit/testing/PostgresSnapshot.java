package io.godwit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deterministic text dump of a PostgreSQL database, read through JDBC on a connection of its own:
 * every schema outside the system ones; per schema its relations (tables, indexes, sequences,
 * views) and functions; per table its columns, constraints and all rows, sorted. Equal dumps mean
 * nothing a migration could do has changed. (Sequence positions are left out: PostgreSQL advances
 * them even in a transaction that rolls back.)
 */
public final class PostgresSnapshot {
    private PostgresSnapshot() {
    }

    public static String of(TestDatabase database) {
        try (Connection c = database.connect()) {
            StringBuilder out = new StringBuilder();
            for (String schema : strings(c, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema' ORDER BY 1")) {
                out.append("schema ").append(schema).append('\n');
                dumpSchema(c, schema, out);
            }
            return out.toString();
        } catch (SQLException e) {
            throw new AssertionError("Cannot dump " + database.name(), e);
        }
    }

    private static void dumpSchema(Connection c, String schema, StringBuilder out) throws SQLException {
        for (String relation : strings(c, "SELECT c.relkind::text || ' ' || c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? ORDER BY c.relname", schema)) {
            out.append("  ").append(relation).append('\n');
        }
        for (String index : strings(c, "SELECT indexdef FROM pg_catalog.pg_indexes WHERE schemaname = ? ORDER BY indexname", schema)) {
            out.append("  ").append(index).append('\n');
        }
        for (String function : strings(c, "SELECT pg_catalog.pg_get_functiondef(p.oid) FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY 1", schema)) {
            out.append("  function ").append(function).append('\n');
        }
        for (String table : strings(c, "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = ? ORDER BY 1", schema)) {
            out.append("  table ").append(table).append('\n');
            for (String column : strings(c, "SELECT a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d"
                    + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass"
                    + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", schema, table)) {
                out.append("    column ").append(column).append('\n');
            }
            for (String constraint : strings(c, "SELECT conname || ' ' || pg_catalog.pg_get_constraintdef(oid)"
                    + " FROM pg_catalog.pg_constraint WHERE conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass"
                    + " ORDER BY 1", schema, table)) {
                out.append("    constraint ").append(constraint).append('\n');
            }
            for (String row : rows(c, quote(schema) + "." + quote(table))) {
                out.append("    row ").append(row).append('\n');
            }
        }
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
