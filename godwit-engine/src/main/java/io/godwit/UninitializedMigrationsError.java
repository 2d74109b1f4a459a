package io.godwit;

/** Validate mode met a database without a history table (or no database file at all). */
public class UninitializedMigrationsError extends GodwitException {
    private final String database;

    public UninitializedMigrationsError(String database) {
        super("Migrations have not been initialized in " + database
                + ". Run `godwit migrate` (mode apply) to create the schema.");
        this.database = database;
    }

    public String database() {
        return database;
    }

    @Override
    public int exitCode() {
        return EXIT_NOT_CURRENT;
    }
}
