package io.godwit.backup;

import io.godwit.BackupIntegrityError;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.Version;
import io.godwit.internal.History;
import io.godwit.internal.InUseGuard;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.Database;
import io.godwit.spi.InUseHold;
import io.godwit.spi.RestoreCapable;
import io.godwit.internal.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts a backup in place of a database file. The order is what makes it safe: the manifest is read
 * and the backup copied into the database's folder while its SHA-256 is taken, so a damaged backup
 * is refused before anything changes; only then does the dialect take the database to itself and
 * rename the copy over it. The database it replaced is kept as a backup of its own.
 */
final class Restorer {
    private static final Log LOG = Log.get(Restorer.class);
    /**
     * How long a restore waits for the migration lock and for SQLite's exclusive lock. Short on
     * purpose: a database in use is reported at once, not waited for.
     */
    static final Duration WAIT = Duration.ofSeconds(1);

    private final GodwitConfiguration config;
    private final Database db;

    Restorer(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    RestorePlan plan(Path from) {
        RestoreCapable restorable = restorable();
        BackupManifest manifest = checkedManifest(from);
        try {
            String sha = DurableFiles.sha256(from, config.progress(), "verify backup");
            requireSha(from, manifest, sha);
            return RestoreComparison.compare(db, restorable, new Backup(from, manifest));
        } catch (IOException | SQLException e) {
            throw new GodwitException("Could not read backup " + from + ": " + e.getMessage(), e);
        }
    }

    RestoreResult restore(Path from) {
        RestoreCapable restorable = restorable();
        BackupManifest manifest = checkedManifest(from);
        Path file = restorable.file();
        Path temp = DurableFiles.tempBeside(file);
        try {
            Files.createDirectories(file.getParent());
            String sha = DurableFiles.copyHashing(from, temp, config.progress(), "restore");
            requireSha(from, manifest, sha);
            Path keepAs = BackupFolder.newName(BackupFolder.of(file), file, BackupKind.BEFORE_RESTORE,
                    extensionOf(from), Instant.now());
            boolean replaced;
            try (InUseHold inUse = InUseGuard.change(config, null, "restore")) {
                replaced = FileSwap.swap(restorable, temp, keepAs, WAIT);
            }
            if (replaced) {
                describeKept(restorable, keepAs);
            }
            LOG.info("Restored {} from {}{}", file, from, replaced ? "; the replaced database is kept as " + keepAs : "");
            return new RestoreResult(file, from, replaced ? keepAs : null, manifest);
        } catch (IOException | SQLException e) {
            throw new GodwitException("Could not restore " + file + " from " + from + ": " + e.getMessage(), e);
        } finally {
            DurableFiles.deleteQuietly(temp);
        }
    }

    /** Writes the kept database's manifest, so that it can be restored like any backup. */
    private void describeKept(RestoreCapable restorable, Path kept) throws IOException, SQLException {
        History history;
        try (Connection c = restorable.openCopy(kept)) {
            history = History.read(db, c);
        }
        String sha = DurableFiles.sha256(kept, config.progress(), "checksum replaced database");
        new BackupManifest(((BackupCapable) db).backupFormat(), kept.getFileName().toString(), Files.size(kept), sha,
                Instant.now(), Version.get(), db.describe(), BackupKind.BEFORE_RESTORE,
                BackupTaker.algorithmOf(history), BackupTaker.versionsOf(history)).write(kept);
    }

    private RestoreCapable restorable() {
        if (db instanceof RestoreCapable r && db instanceof BackupCapable) {
            return r;
        }
        throw new GodwitException("Godwit restores only database files (SQLite), not " + db.describe()
                + ". Restore a PostgreSQL backup with pg_restore, e.g. `pg_restore --clean --if-exists -d DATABASE FILE`.");
    }

    /** The manifest, checked for everything that can be checked without reading the whole file. */
    private BackupManifest checkedManifest(Path from) {
        if (!Files.isRegularFile(from)) {
            throw new GodwitException("No backup file at " + from);
        }
        BackupManifest manifest = BackupManifest.read(from);
        String format = ((BackupCapable) db).backupFormat();
        if (!manifest.format().equals(format)) {
            throw new BackupIntegrityError(from, "it is a backup of another kind of database", "format " + format,
                    "format " + manifest.format());
        }
        try {
            long size = Files.size(from);
            if (size != manifest.size()) {
                throw new BackupIntegrityError(from, "its size is not the size recorded", manifest.size() + " bytes", size + " bytes");
            }
        } catch (IOException e) {
            throw new GodwitException("Cannot read " + from + ": " + e.getMessage(), e);
        }
        return manifest;
    }

    private static void requireSha(Path from, BackupManifest manifest, String sha) {
        if (!sha.equals(manifest.sha256())) {
            throw new BackupIntegrityError(from, "its bytes do not match its manifest's checksum",
                    "sha256 " + manifest.sha256(), "sha256 " + sha);
        }
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "sqlite3";
    }
}
