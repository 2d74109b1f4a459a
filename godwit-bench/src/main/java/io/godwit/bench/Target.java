package io.godwit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database a tool works on: a SQLite file or a PostgreSQL database.
 *
 * @param sqliteFile the file for SQLite, {@code null} for PostgreSQL
 */
public record Target(Dialect dialect, String url, String user, String password, Path sqliteFile) {

    public static Target sqlite(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return new Target(Dialect.SQLITE, "jdbc:sqlite:" + f, "", "", f);
    }

    public static Target postgres(String url, String user, String password) {
        return new Target(Dialect.POSTGRESQL, url, user, password, null);
    }

    public Connection connect() throws SQLException {
        return dialect == Dialect.SQLITE ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, password);
    }
}
