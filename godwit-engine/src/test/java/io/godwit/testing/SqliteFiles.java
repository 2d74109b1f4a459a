package io.godwit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/** Plain JDBC on SQLite files, for tests to look at databases without going through Godwit. */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    public static long count(Path file, String sql) {
        return Long.parseLong(query(file, sql).get(0));
    }

    /** Rows of one column (or columns joined by |). */
    public static List<String> query(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            return QueryRows.read(st, sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    public static void execute(Path file, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> tables(Path file) {
        return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }
}
