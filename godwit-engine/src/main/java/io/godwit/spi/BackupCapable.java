package io.godwit.spi;

import io.godwit.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * An optional ability of a {@link Database}: it can write a consistent copy of itself to a file
 * while other processes read and write it. The engine detects it where a backup is asked for and
 * does the rest: temporary name, checksum, fsync, rename, manifest.
 */
public interface BackupCapable {

    /** The copy's format, recorded in the manifest and checked by a restore: {@code sqlite}, {@code pg_dump}. */
    String backupFormat();

    /** The file name extension of a copy, without the dot: {@code sqlite3}, {@code dump}. */
    String backupExtension();

    /**
     * Writes a copy of the database as it was at one moment to {@code file}, which does not exist
     * yet. Called once per backup, with or without the migration lock held; must not block the
     * database's other users for longer than a moment. Reports progress to {@code progress}.
     */
    void writeBackup(Path file, ProgressListener progress) throws IOException, SQLException;
}
