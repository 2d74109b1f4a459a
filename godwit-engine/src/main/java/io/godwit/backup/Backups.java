package io.godwit.backup;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.Database;
import io.godwit.spi.RestoreCapable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Backup, restore and rollback of one configured database; what {@link io.godwit.Godwit}'s methods
 * of the same names call. Immutable; each call is one operation.
 */
public final class Backups {
    private final GodwitConfiguration config;
    private final Database db;

    public Backups(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    /**
     * A backup at {@code to}: a new file, or an existing folder to put a new file in; null for the
     * {@code backups} folder beside a database file.
     */
    public Backup backup(Path to) {
        Path target;
        if (to == null || Files.isDirectory(to)) {
            Path folder = to != null ? to : defaultFolder();
            Path file = db instanceof RestoreCapable r ? r.file() : Path.of("godwit");
            target = BackupFolder.newName(folder, file, BackupKind.MANUAL, extension(), Instant.now());
        } else {
            target = to;
        }
        return new BackupTaker(config).take(target.toAbsolutePath(), BackupKind.MANUAL, false);
    }

    /** Checks {@code from} against its manifest and reports what restoring it would lose. Changes nothing. */
    public RestorePlan planRestore(Path from) {
        return new Restorer(config).plan(from.toAbsolutePath());
    }

    /** {@link #planRestore} for the newest automatic backup: the one taken before the last upgrade. */
    public RestorePlan planRollback() {
        if (!(db instanceof RestoreCapable r)) {
            throw new GodwitException("Rollback restores an automatic backup of a database file (SQLite); "
                    + db.describe() + " has none. Restore a PostgreSQL backup with pg_restore.");
        }
        Path folder = BackupFolder.of(r.file());
        List<Backup> automatic = BackupFolder.list(folder, r.file(), BackupKind.BEFORE_MIGRATE);
        if (automatic.isEmpty()) {
            throw new GodwitException("Nothing to roll back to: there is no automatic backup of " + r.file() + " in "
                    + folder + " (one is taken when migrate applies something to an existing database, unless --no-backup).");
        }
        return planRestore(automatic.get(0).file());
    }

    /** Restores {@code from} at once, checking it against its manifest while it is copied. */
    public RestoreResult restore(Path from) {
        return new Restorer(config).restore(from.toAbsolutePath());
    }

    /** Performs a plan from {@link #planRestore} or {@link #planRollback}; the backup is checked again. */
    public RestoreResult restore(RestorePlan plan) {
        return restore(plan.backup().file());
    }

    private Path defaultFolder() {
        if (db instanceof RestoreCapable r) {
            return BackupFolder.of(r.file());
        }
        throw new GodwitException("Say where to write the backup of " + db.describe() + " (--to FILE)");
    }

    private String extension() {
        return db instanceof BackupCapable c ? c.backupExtension() : "backup";
    }
}
