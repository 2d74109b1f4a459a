package io.godwit.dialect.sqlite;

import io.godwit.DatabaseInUseError;
import io.godwit.LockTimeoutError;
import io.godwit.spi.ExclusiveHold;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A SQLite database held against every other user, so that its file can be swapped.
 *
 * <p>How "in use" is detected: first the migration lock (a migrator is running); then SQLite's own
 * locks. The connection switches to {@code locking_mode = EXCLUSIVE} and runs {@code BEGIN
 * EXCLUSIVE}, which needs an exclusive lock on the database file. In WAL mode every connection that
 * has read the database keeps a shared lock on the file until it closes, and a writer holds more;
 * so the lock is refused (SQLITE_BUSY after a short wait) while any other process has the database
 * open and in use, not only while one is writing. A connection that was opened but has never read
 * holds no lock and cannot be seen, nor can an idle one to a database in rollback-journal mode,
 * which locks only inside transactions: stop applications before a restore.
 *
 * <p>Holding the lock, {@code journal_mode = DELETE} folds the WAL into the file and deletes
 * {@code -wal} and {@code -shm}, so the file stands alone and a new file renamed over it finds no
 * stale log to replay. The connection is closed only after the swap: nobody can open the old file
 * in between.
 */
final class SqliteExclusive implements ExclusiveHold {
    private final SqliteFileLock lock;
    private final Connection connection;

    private SqliteExclusive(SqliteFileLock lock, Connection connection) {
        this.lock = lock;
        this.connection = connection;
    }

    static SqliteExclusive hold(SqliteDatabase db, Duration wait) throws SQLException {
        SqliteFileLock lock;
        try {
            lock = SqliteFileLock.acquire(db.lockFile(), wait, db.describe());
        } catch (LockTimeoutError e) {
            throw new DatabaseInUseError(db.describe(), "a migrator holds its migration lock (" + e.holder() + ")", e);
        }
        try {
            return new SqliteExclusive(lock, Files.exists(db.file()) ? exclusive(db, wait) : null);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Connection exclusive(SqliteDatabase db, Duration wait) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, wait.toMillis()));
        cfg.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file(), cfg.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            st.execute("COMMIT"); // the lock stays: locking_mode = EXCLUSIVE keeps it until close
            st.execute("PRAGMA journal_mode = DELETE");
            requireNoLog(db.file());
            return c;
        } catch (SQLException e) {
            c.close();
            if (e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED)) {
                throw new DatabaseInUseError(db.describe(), "another process has it open (SQLite: " + e.getMessage() + ")", e);
            }
            throw e;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Leaving WAL mode deletes the log; one still holding data would belong to the old file only. */
    private static void requireNoLog(Path file) throws SQLException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new SQLException("The write-ahead log " + wal + " still holds data after a checkpoint; not replacing the database");
            }
            Files.deleteIfExists(wal);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new SQLException("Cannot tidy the write-ahead log of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // The swap is done; closing the old file's handle cannot undo it.
        } finally {
            lock.close();
        }
    }
}
