package io.godwit.spi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * An optional ability of a {@link Database} that is one file on disk (SQLite): a backup can be
 * opened like the database itself, and swapped in for it. Detected where restore, rollback and the
 * automatic backup before {@code migrate} need it; a database without it is told to use its own
 * tools.
 */
public interface RestoreCapable {

    /** The database file; automatic backups go to the folder {@code backups} beside it. */
    Path file();

    /**
     * A read-only connection to a backup copy of this database, to read its history and count its
     * rows. Must create nothing beside the copy. Called by restore planning and by backup, once each.
     */
    Connection openCopy(Path copy) throws SQLException;

    /**
     * Takes the database to itself for a file swap: the migration lock, then every other
     * connection kept out, waiting at most {@code wait} for each; when another process holds either,
     * throws {@link io.godwit.DatabaseInUseError} and changes nothing. While held, the file is
     * self-contained (no write-ahead log beside it that a new file could be confused with), so the
     * engine may link it elsewhere and rename a copy over it. Called once per restore. Works when
     * the file does not exist yet; then only the migration lock is held.
     */
    ExclusiveHold holdExclusively(Duration wait) throws SQLException;
}
