package io.godwit.testing;

import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.spi.MigrationLock;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Holds a SQLite database in its own JVM until its standard input closes (or it is killed):
 * {@code SqliteHolderProcess FILE MODE} with MODE {@code write} (an open write transaction),
 * {@code lock} (the migration lock) or {@code read} (a connection that has read, then idles).
 * Prints {@code READY} once it holds it.
 */
public final class SqliteHolderProcess {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        switch (args[1]) {
            case "lock":
                SqliteDatabase db = new SqliteDatabase(file, Duration.ofSeconds(5));
                try (MigrationLock lock = db.lock(null, Duration.ofSeconds(10))) {
                    holdUntilStdinCloses();
                }
                break;
            case "write":
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode = WAL");
                    c.setAutoCommit(false);
                    st.execute("CREATE TABLE IF NOT EXISTS held_by_child (x INTEGER)");
                    st.execute("INSERT INTO held_by_child VALUES (1)");
                    holdUntilStdinCloses();
                }
                break;
            case "read":
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                    holdUntilStdinCloses();
                }
                break;
            default:
                throw new IllegalArgumentException(args[1]);
        }
    }

    private static void holdUntilStdinCloses() throws Exception {
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold on
        }
    }
}
