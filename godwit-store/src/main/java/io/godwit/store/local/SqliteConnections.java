package io.godwit.store.local;

import io.godwit.store.StoreException;
import io.godwit.store.metadata.RecordFilter;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store in a SQLite file (the persistent client). WAL journal with {@code synchronous=FULL}, so a
 * commit is on disk when the call returns and readers never wait for the writer. One writer
 * connection behind a fair lock serialises this process's writes; {@code BEGIN IMMEDIATE} with a
 * busy timeout of {@code writeLockTimeout} serialises them with other processes. The process that
 * holds the write transaction names itself in {@code godwit.sqlite3.godwit-writer} (pid, host,
 * since), which a refused writer quotes; the file is a message, not a lock (SQLite is the lock).
 */
public final class SqliteConnections implements Connections {
    /**
     * The writer's page cache, in KiB (SQLite's default is 2,000). A batch of 1,000 records of 384
     * dimensions changes about 5 MB of pages (the log and the records each hold the vector), and its
     * purge deletes the previous batch's log entries: with the default cache, pages were spilled to
     * the WAL mid-transaction and written again, and the purged ones read back (a third more writes,
     * twice the reads of the same inserts alone). Readers keep the default.
     */
    public static final int WRITER_CACHE_KIB = 16_384;
    private static final int READERS = 4;
    /**
     * The writer checkpoints the WAL into the database once it holds this many pages (40 MiB of 4 KiB
     * pages; SQLite's default is 1,000). A batch of 1,000 records of 384 dimensions writes about 6 MB,
     * so the default checkpointed after nearly every commit: each checkpoint copies the pages and
     * fsyncs the database file, and pages that every batch touches (index interiors, the log's tail)
     * were copied once per batch. Measured: fsyncs per 1,000-record batch from 4.6 to 2, adds 10-15 %
     * faster. Durability is unchanged: a commit is on disk when its WAL frames are ({@code synchronous=FULL}).
     */
    static final int CHECKPOINT_PAGES = 10_000;
    /** After a checkpoint the WAL file is cut back to this size (64 MiB), so it does not keep its largest size. */
    private static final long WAL_KEPT_BYTES = 64L << 20;

    private final Path file;
    private final Path holderFile;
    private final Duration writeLockTimeout;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final ReaderPool readers;
    private final String me;

    public SqliteConnections(Path file, Duration writeLockTimeout) {
        this.file = file.toAbsolutePath();
        this.holderFile = this.file.resolveSibling(this.file.getFileName() + ".godwit-writer");
        this.writeLockTimeout = writeLockTimeout;
        this.me = "pid " + ProcessHandle.current().pid() + " on " + hostName();
        try {
            this.writer = open(false);
        } catch (SQLException e) {
            throw Jdbc.failure("open", describe(), e);
        }
        this.readers = new ReaderPool(READERS, "BEGIN", describe(), () -> open(true));
    }

    private Connection open(boolean reading) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, writeLockTimeout.toMillis()));
        cfg.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, cfg.toProperties());
        RecordFilter.registerFunctions(c);   // $regex runs in SQL as godwit_regexp
        if (reading) {
            Jdbc.execute(c, "PRAGMA query_only = ON");
        } else {
            Jdbc.execute(c, "PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            Jdbc.execute(c, "PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
            Jdbc.execute(c, "PRAGMA journal_size_limit = " + WAL_KEPT_BYTES);
        }
        return StatementCache.wrap(c);
    }

    @Override
    public <T> T read(String action, Jdbc.Work<T> work) {
        return readers.read(action, work);
    }

    @Override
    public <T> T write(String action, Jdbc.Work<T> work) {
        writeLock.lock();
        try {
            if (writer.isClosed()) {
                throw Transactions.closed(describe());
            }
            begin(action);
            return Transactions.finish(writer, action, describe(), work);
        } catch (SQLException e) {
            throw Jdbc.failure(action, describe(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** BEGIN IMMEDIATE: takes SQLite's write lock now, waiting at most the busy timeout; then names us its holder. */
    private void begin(String action) {
        try {
            StatementCache.execute(writer, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
                throw new StoreException(StoreException.Kind.BUSY, "Could not " + action + ": the store at " + file
                        + " is being written by another process (" + holder() + ") and stayed locked for "
                        + writeLockTimeout.toMillis() + " ms (Settings.writeLockTimeout, GODWIT_WRITE_LOCK_TIMEOUT_MS)."
                        + " Nothing was written; retry, or stop that process.", e);
            }
            throw Jdbc.failure(action, describe(), e);
        }
        try {
            Files.writeString(holderFile, me + " since " + Instant.now() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The holder file only improves a refusal's message; the write itself is safe without it.
        }
    }

    private String holder() {
        try {
            return "last writer recorded in " + holderFile.getFileName() + ": " + Files.readString(holderFile).trim();
        } catch (IOException e) {
            return "no writer recorded in " + holderFile.getFileName();
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    @Override
    public boolean postgres() {
        return false;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.close();
            ReaderPool.closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }
}
