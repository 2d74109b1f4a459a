package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;
import io.godwit.ProgressListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.Codes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An online copy of a SQLite database with SQLite's backup API, page by page, in one step.
 *
 * <p>Why the backup API and not {@code VACUUM INTO}: both read inside one transaction, so both are
 * consistent, but {@code VACUUM INTO} rebuilds every table and index (its cost grows with the
 * indexes, and an embedding store has many) where the backup API copies pages as they are; it was
 * also the slower of the two when measured (bench/BACKUP-RESULTS.md).
 *
 * <p>Why one step: a step reads inside one read transaction, so the copy is the database at one
 * moment, while writers in other processes go on (WAL). Copied in several steps, the backup
 * restarts from the first page whenever another process writes between two of them, and a busy
 * database would never finish. Progress is read from the copy's size as it grows.
 *
 * <p>Why pages are pulled into a connection on the copy rather than pushed from one on the
 * database: the copy's connection can then skip its rollback journal and its syncs (a half-written
 * copy under a temporary name is simply deleted); the engine fsyncs the finished file once. That
 * made the copy about a third faster.
 */
final class SqliteBackup {
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;
    private static final long POLL_MILLIS = 200;

    private SqliteBackup() {
    }

    static void copy(SqliteDatabase db, Path target, ProgressListener progress) throws SQLException {
        long expected = expectedSize(db);
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            try (Statement st = copy.createStatement()) {
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
            }
            progress.progress("backup", 0, expected);
            ScheduledExecutorService poller = pollSize(target, expected, progress);
            int rc;
            try {
                rc = copy.unwrap(SQLiteConnection.class).getDatabase().restore("main", db.file().toString(), null,
                        BUSY_SLEEP_MILLIS, BUSY_RETRIES, -1);
            } finally {
                poller.shutdownNow();
            }
            if (rc != Codes.SQLITE_OK) {
                throw new SQLException("SQLite's backup of " + db.describe() + " failed with result code " + rc, null, rc);
            }
            // The copy carries the database's WAL flag in its header; make it a rollback-journal file,
            // so that reading it never creates -wal or -shm files beside it and its bytes stay what
            // its checksum says.
            try (Statement st = copy.createStatement()) {
                st.execute("PRAGMA journal_mode = DELETE");
            }
        }
        long size = size(target);
        progress.progress("backup", size, size);
    }

    /** The database's size as its pages count it (the file alone misses what is still in the WAL). */
    private static long expectedSize(SqliteDatabase db) throws SQLException {
        try (Connection c = db.openForReading().orElseThrow(
                () -> new GodwitException("There is no database at " + db.describe() + ": nothing to back up"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ScheduledExecutorService pollSize(Path target, long expected, ProgressListener progress) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "godwit-backup-progress");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> progress.progress("backup", Math.min(size(target), expected), expected),
                POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return poller;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
