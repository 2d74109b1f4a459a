package io.godwit.backup;

import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.HistoryEntry;
import io.godwit.Version;
import io.godwit.internal.History;
import io.godwit.internal.RowAlgorithm;
import io.godwit.internal.TimedLock;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;
import io.godwit.spi.RestoreCapable;
import io.godwit.internal.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes one backup: the dialect writes a consistent copy under a temporary name; then the copy is
 * checksummed, fsynced and renamed, and its manifest written last. The manifest's versions are
 * read from the copy itself where the copy can be opened (SQLite); otherwise (a pg_dump archive)
 * from the live database while the migration lock keeps migrators out for the length of the dump.
 */
final class BackupTaker {
    private static final Log LOG = Log.get(BackupTaker.class);

    private final GodwitConfiguration config;
    private final Database db;

    BackupTaker(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    /**
     * @param lockHeld true when the caller already holds the migration lock (the automatic backup
     *                 inside {@code migrate}), so it must not be taken again
     */
    Backup take(Path target, BackupKind kind, boolean lockHeld) {
        if (!(db instanceof BackupCapable capable)) {
            throw new GodwitException("Godwit cannot back up " + db.describe() + ": its dialect has no backup ability."
                    + " Back it up with the database's own tools.");
        }
        requireExisting();
        if (Files.exists(target)) {
            throw new GodwitException("Refusing to overwrite " + target + ": choose a new backup file name");
        }
        Path temp = DurableFiles.tempBeside(target);
        long start = System.nanoTime();
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            History history = db instanceof RestoreCapable restorable
                    ? copyThenReadHistory(capable, restorable, temp)
                    : readHistoryThenCopyLocked(capable, temp, lockHeld);
            String sha = DurableFiles.sha256AndFsync(temp, config.progress(), "checksum");
            long size = Files.size(temp);
            DurableFiles.publishNew(temp, target);
            BackupManifest manifest = new BackupManifest(capable.backupFormat(), target.getFileName().toString(), size,
                    sha, Instant.now(), Version.get(), db.describe(), kind, algorithmOf(history), versionsOf(history));
            try {
                manifest.write(target);
            } catch (IOException e) {
                DurableFiles.deleteQuietly(target); // a backup without its manifest must not be left looking finished
                throw e;
            }
            LOG.info("Backed up {} to {} ({} bytes, sha256 {})", db.describe(), target, size, sha);
            if (config.events() != EngineListener.NONE) {
                config.events().backupTaken(db.describe(), kind.label(), Duration.ofNanos(System.nanoTime() - start), size);
            }
            return new Backup(target, manifest);
        } catch (IOException | SQLException e) {
            throw new GodwitException("Could not back up " + db.describe() + " to " + target + ": " + e.getMessage(), e);
        } finally {
            DurableFiles.deleteQuietly(temp);
        }
    }

    private void requireExisting() {
        try {
            Optional<Connection> c = db.openForReading();
            if (c.isEmpty()) {
                throw new GodwitException("There is no database at " + db.describe() + ": nothing to back up");
            }
            c.get().close();
        } catch (SQLException e) {
            throw new GodwitException("Cannot open " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private History copyThenReadHistory(BackupCapable capable, RestoreCapable restorable, Path temp)
            throws IOException, SQLException {
        capable.writeBackup(temp, config.progress());
        try (Connection c = restorable.openCopy(temp)) {
            return History.read(db, c);
        }
    }

    private History readHistoryThenCopyLocked(BackupCapable capable, Path temp, boolean lockHeld)
            throws IOException, SQLException {
        try (Connection c = db.openForWriting();
             MigrationLock lock = lockHeld ? null : TimedLock.take(config, c)) {
            History history = History.read(db, c);
            capable.writeBackup(temp, config.progress());
            return history;
        }
    }

    static Map<String, Integer> versionsOf(History history) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String subsystem : history.subsystems()) {
            List<HistoryEntry> applied = history.applied(subsystem);
            if (!applied.isEmpty()) {
                versions.put(subsystem, applied.get(applied.size() - 1).version());
            }
        }
        return versions;
    }

    /** The history's one algorithm, or null when it has no rows or mixes two. */
    static String algorithmOf(History history) {
        Set<String> seen = new TreeSet<>();
        for (String subsystem : history.subsystems()) {
            for (HistoryEntry e : history.applied(subsystem)) {
                seen.add(RowAlgorithm.of(e.hashAlgorithm(), e.hash(), HashAlgorithm.MD5).label());
            }
        }
        return seen.size() == 1 ? seen.iterator().next() : null;
    }
}
