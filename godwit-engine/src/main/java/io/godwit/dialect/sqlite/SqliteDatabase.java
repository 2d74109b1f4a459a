package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;
import io.godwit.InUseHolder;
import io.godwit.ProgressListener;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.Database;
import io.godwit.spi.ExclusiveHold;
import io.godwit.spi.InUseHold;
import io.godwit.spi.InUseTracking;
import io.godwit.spi.IntegrityCheckable;
import io.godwit.spi.MigrationLock;
import io.godwit.spi.RestoreCapable;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A SQLite database file: the embedded default. Writers use WAL journal mode, a bounded busy
 * timeout and {@code BEGIN IMMEDIATE} transactions; readers are {@code query_only}, so a check can
 * never write. The migration lock is an OS lock on a file beside the database
 * ({@link SqliteFileLock}), which the kernel releases when its holder dies. It can back itself up
 * online ({@link SqliteBackup}), be swapped for a backup ({@link SqliteExclusive}) and check its file.
 * Its clients hold it in use in a folder beside the lock file ({@link SqliteInUse}).
 */
public final class SqliteDatabase implements Database, BackupCapable, RestoreCapable, IntegrityCheckable, InUseTracking {
    /** The longest statement SQLite runs (its SQLITE_MAX_SQL_LENGTH), in bytes of UTF-8. */
    public static final int MAX_STATEMENT_BYTES = 1_000_000_000;
    private final Path file;
    private final Duration busyTimeout;
    /** The folders the last {@link #openForWriting} created, deepest first: a failed first run removes them. */
    private volatile List<Path> createdFolders = List.of();

    public SqliteDatabase(Path file, Duration busyTimeout) {
        this.file = file.toAbsolutePath().normalize();
        this.busyTimeout = busyTimeout;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String scope() {
        return "sqlite";
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Optional<Connection> openForReading() throws SQLException {
        SqlitePath.check(file);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SQLiteConfig cfg = baseConfig();
        // Not SQLITE_OPEN_READONLY: a read-only connection cannot remove the -wal and -shm files
        // it makes a WAL database create, so a check would leave files behind. query_only
        // refuses writes just the same, and the last connection's close tidies up.
        Connection c = connect("jdbc:sqlite:" + file, cfg.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return Optional.of(c);
    }

    @Override
    public Connection openForWriting() throws SQLException {
        SqlitePath.check(file);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                List<Path> missing = new ArrayList<>();
                for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
                    missing.add(p);
                }
                Files.createDirectories(parent);
                createdFolders = List.copyOf(missing);
            }
        } catch (IOException e) {
            throw new GodwitException("Cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig cfg = baseConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return connect("jdbc:sqlite:" + file, cfg.toProperties());
    }

    /**
     * A connection from sqlite-jdbc's driver itself, not through {@code DriverManager}: its first use
     * loads and initialises every JDBC driver on the class path (DuckDB's starts threads), which a
     * short command such as {@code validate} pays for at every cold start.
     */
    static Connection connect(String url, Properties properties) throws SQLException {
        return org.sqlite.JDBC.createConnection(url, properties);
    }

    private SQLiteConfig baseConfig() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        // The driver would otherwise run SELECT last_insert_rowid() after every INSERT, a
        // migration's or a history row's; Godwit never asks for generated keys.
        cfg.setGetGeneratedKeys(false);
        // sqlite-jdbc caps a statement at 1,000,000 bytes (SQLITE_TOOBIG past it), where SQLite and
        // its shell allow SQLITE_MAX_SQL_LENGTH, 1,000,000,000: a data migration may be that large.
        cfg.setPragma(SQLiteConfig.Pragma.LIMIT_SQL_LENGTH, String.valueOf(MAX_STATEMENT_BYTES));
        return cfg;
    }

    @Override
    public MigrationLock lock(Connection connection, Duration timeout) {
        SqliteFileLock lock = SqliteFileLock.acquire(lockFile(), timeout, describe());
        if (!Files.exists(file)) {
            // The holder we waited for created the file, failed its first run and removed it:
            // our connection points at a deleted file, so nothing we wrote would last.
            discardCreated();
            lock.close();
            throw new GodwitException("The database file " + file + " was removed while waiting for the migration lock"
                    + " (another process's first migration failed and was discarded). Nothing was applied; run again.");
        }
        return lock;
    }

    @Override
    public InUseHold holdShared(InUseHolder holder, Duration timeout) {
        return SqliteInUse.shared(inUseFolder(), holder, timeout, describe());
    }

    @Override
    public InUseHold holdExclusive(Connection connection, InUseHolder self, String action, Duration timeout) {
        return SqliteInUse.exclusive(inUseFolder(), self, action, timeout, describe());
    }

    @Override
    public List<String> holders() {
        try {
            return SqliteHolders.peek(inUseFolder());
        } catch (IOException e) {
            throw new GodwitException("Cannot read who holds " + describe() + " in use (" + inUseFolder() + "): " + e.getMessage(), e);
        }
    }

    /** The folder of the in-use hold, beside the lock file: {@code <database>.godwit-inuse}. */
    public Path inUseFolder() {
        return file.resolveSibling(file.getFileName() + ".godwit-inuse");
    }

    /** The file whose OS lock is the migration lock: {@code <database>.godwit-lock}. */
    public Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".godwit-lock");
    }

    @Override
    public String table(String name) {
        return name;
    }

    @Override
    public Set<String> existingTables(Connection c, Set<String> names) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (" + marks + ")")) {
            int i = 1;
            for (String name : names) {
                ps.setString(i++, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    @Override
    public boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Removes a database file the failed run created, if it holds no table, the migration lock's
     * file with it (called under that lock: {@link SqliteFileLock} lets a holder remove its file)
     * and the folders the run created for it, if they are empty.
     */
    @Override
    public void discardCreated() {
        try {
            if (Files.exists(file)) {
                try (Connection c = connect("jdbc:sqlite:" + file, new Properties());
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            Files.deleteIfExists(lockFile());
            for (Path folder : createdFolders) {
                Files.deleteIfExists(folder);   // stops at the first that is not empty
            }
        } catch (SQLException | IOException e) {
            // Best effort (a folder another process has put a file in stays): the file holds no
            // committed data either way.
        }
    }

    @Override
    public String backupFormat() {
        return "sqlite";
    }

    @Override
    public String backupExtension() {
        return "sqlite3";
    }

    @Override
    public void writeBackup(Path target, ProgressListener progress) throws SQLException {
        SqliteBackup.copy(this, target, progress);
    }

    @Override
    public Connection openCopy(Path copy) throws SQLException {
        SQLiteConfig cfg = baseConfig();
        cfg.setReadOnly(true);
        return connect("jdbc:sqlite:" + copy.toAbsolutePath(), cfg.toProperties());
    }

    @Override
    public ExclusiveHold holdExclusively(Duration wait) throws SQLException {
        return SqliteExclusive.hold(this, wait);
    }

    @Override
    public List<String> integrityProblems(Connection connection) throws SQLException {
        return SqliteChecks.integrity(connection);
    }

    @Override
    public List<String> foreignKeyProblems(Connection connection) throws SQLException {
        return SqliteChecks.foreignKeys(connection);
    }
}
