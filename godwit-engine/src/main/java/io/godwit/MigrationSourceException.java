package io.godwit;

/**
 * The migration files themselves are unusable: a name that does not parse, a duplicate or missing
 * version, an unreadable folder, an unknown hash algorithm. Nothing was done to the database.
 */
public class MigrationSourceException extends GodwitException {
    public MigrationSourceException(String message) {
        super(message);
    }

    public MigrationSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_BAD_SOURCE;
    }
}
