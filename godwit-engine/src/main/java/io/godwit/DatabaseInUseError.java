package io.godwit;

/**
 * A restore needs the database to itself, and another process holds it: the migration lock, a
 * write transaction, or an open connection. Nothing was changed.
 */
public class DatabaseInUseError extends GodwitException {
    private final String database;
    private final String holder;

    public DatabaseInUseError(String database, String holder, Throwable cause) {
        this(database, holder, "Refusing to replace " + database + " while it is in use: " + holder
                + ". Stop the applications and migrators that use it, then run again. Nothing was changed.", cause);
    }

    /** For a subclass that says more. */
    protected DatabaseInUseError(String database, String holder, String message, Throwable cause) {
        super(message, cause);
        this.database = database;
        this.holder = holder;
    }

    public String database() {
        return database;
    }

    /** Who holds it, as far as can be told: the migration lock's holder, or what SQLite reported. */
    public String holder() {
        return holder;
    }

    @Override
    public int exitCode() {
        return EXIT_LOCK_TIMEOUT;
    }
}
