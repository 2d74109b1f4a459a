package io.godwit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * One database a tool works on: a SQLite file or a PostgreSQL database. Passed to child JVMs as
 * command-line words ({@link #toArgs()}), so that a row runs in a process of its own.
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

    public List<String> toArgs() {
        return List.of(dialect.name(), url, user, password);
    }

    /** Reads the four words {@link #toArgs()} wrote, starting at {@code from}. */
    public static Target fromArgs(String[] args, int from) {
        Dialect d = Dialect.parse(args[from]);
        return d == Dialect.SQLITE ? sqlite(Path.of(args[from + 1].substring("jdbc:sqlite:".length())))
                : postgres(args[from + 1], args[from + 2], args[from + 3]);
    }
}
