package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;
import io.godwit.ProgressListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.Codes;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An online copy of a SQLite database with SQLite's backup API, page by page.
 *
 * <p>Why this and not {@code VACUUM INTO}: both read inside one transaction, so both are
 * consistent, but {@code VACUUM INTO} rebuilds every table and index (its cost grows with the
 * indexes, an embedding store has many) and cannot report progress; the backup API copies pages as
 * they are. Measured on a 650 MB file they were within noise of each other; see
 * bench/BACKUP-RESULTS.md.
 *
 * <p>Why a read transaction is held across the steps: the backup API restarts from the first page
 * whenever another connection writes the source between two steps, so a busy database would never
 * finish copying. With the source connection inside its own read transaction, every step reads the
 * same snapshot (in WAL mode, writers go on meanwhile), so the copy is the database at one moment,
 * and can still be taken in steps that report progress.
 */
final class SqliteBackup {
    /** Steps per copy: enough for a smooth bar, few enough that the per-step cost does not show. */
    private static final int STEPS = 100;
    private static final int MIN_PAGES_PER_STEP = 1024;

    private SqliteBackup() {
    }

    static void copy(SqliteDatabase db, Path target, ProgressListener progress) throws SQLException {
        try (Connection c = db.openForReading().orElseThrow(
                () -> new GodwitException("There is no database at " + db.describe() + ": nothing to back up"))) {
            c.setAutoCommit(false);
            long pageSize;
            long pages;
            try (Statement st = c.createStatement()) {
                single(st, "SELECT count(*) FROM sqlite_master"); // opens the read transaction the copy stays in
                pageSize = single(st, "PRAGMA page_size");
                pages = single(st, "PRAGMA page_count");
            }
            int perStep = (int) Math.max(MIN_PAGES_PER_STEP, Math.min(Integer.MAX_VALUE, pages / STEPS));
            progress.progress("backup", 0, pages * pageSize);
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", target.toString(),
                    (remaining, total) -> progress.progress("backup", (long) (total - remaining) * pageSize, (long) total * pageSize),
                    100, 50, perStep);
            c.commit();
            if (rc != Codes.SQLITE_OK) {
                throw new SQLException("SQLite's backup of " + db.describe() + " failed with result code " + rc, null, rc);
            }
        }
        selfContained(target);
    }

    /**
     * The copy carries the source's WAL flag in its header; turn it into a rollback-journal file so
     * that reading it never creates {@code -wal} or {@code -shm} files beside it, and its bytes stay
     * what its checksum says.
     */
    private static void selfContained(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
