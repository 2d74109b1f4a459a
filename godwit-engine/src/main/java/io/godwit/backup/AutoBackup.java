package io.godwit.backup;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.spi.BackupCapable;
import io.godwit.spi.Database;
import io.godwit.spi.RestoreCapable;
import io.godwit.internal.Log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The backup {@code migrate} takes before it applies anything to a database file that already
 * holds a schema, so that {@code rollback} has something to go back to. Called by the migrator with
 * the migration lock held and the pending list confirmed non-empty: no other migrator can change
 * the schema between the copy and the run, and a current database costs no backup.
 */
public final class AutoBackup {
    private static final Log LOG = Log.get(AutoBackup.class);

    private AutoBackup() {
    }

    /**
     * Takes the backup; returns it, or null when switched off, when the database is not a file, or
     * when it holds nothing yet. A failed backup stops the run before anything is applied: the
     * promise of a way back is kept or the upgrade does not start. Old backups are rotated only by
     * {@link #afterRun}, once the run has committed something.
     *
     * @param c the migrator's connection, used only to see whether there is a schema
     */
    public static Path beforeMigrate(GodwitConfiguration config, Connection c) throws SQLException {
        Database db = config.database();
        if (!config.autoBackup() || !(db instanceof RestoreCapable r) || !(db instanceof BackupCapable capable)
                || !holdsSchema(c)) {
            return null;
        }
        Path folder = BackupFolder.of(r.file());
        Path target = BackupFolder.newName(folder, r.file(), BackupKind.BEFORE_MIGRATE, capable.backupExtension(), Instant.now());
        Backup backup;
        try {
            backup = new BackupTaker(config).take(target, BackupKind.BEFORE_MIGRATE, true);
        } catch (GodwitException e) {
            throw new GodwitException("The automatic backup before migrating failed, so nothing was applied: "
                    + e.getMessage() + ". Free space in " + folder + ", or migrate with --no-backup (library:"
                    + " autoBackup(false)) once you have a backup of your own.", e);
        }
        LOG.info("Backed up {} before migrating: {}", r.file(), backup.file());
        return backup.file();
    }

    /**
     * Settles the backup {@link #beforeMigrate} took once the run is over. A run that committed
     * something (all of it, or with per-migration transactions a part) keeps its backup, the way
     * back from that upgrade, and rotates older ones out. A run that committed nothing deletes its
     * own backup and rotates nothing: the database is as it was, and repeated failures must never
     * push out the backup taken before the last upgrade that did commit.
     *
     * @param backup what {@link #beforeMigrate} returned; nothing is done for null
     */
    public static void afterRun(GodwitConfiguration config, Path backup, boolean committed) {
        if (backup == null || !(config.database() instanceof RestoreCapable r)) {
            return;
        }
        if (committed) {
            BackupFolder.rotate(BackupFolder.of(r.file()), r.file(), config.backupsToKeep());
        } else {
            BackupFolder.delete(backup);
        }
    }

    private static boolean holdsSchema(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
