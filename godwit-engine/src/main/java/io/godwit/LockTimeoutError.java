package io.godwit;

import java.time.Duration;

/** Another migrator held the database's migration lock for longer than the configured wait. */
public class LockTimeoutError extends GodwitException {
    private final String database;
    private final String holder;
    private final Duration waited;

    public LockTimeoutError(String database, String holder, Duration waited) {
        super("Could not get the migration lock on " + database + " within " + seconds(waited)
                + " s: it is held by " + holder + ". Wait for that migration to finish, or stop that"
                + " process and run again (a lock left by a dead process is taken over).");
        this.database = database;
        this.holder = holder;
        this.waited = waited;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    public String database() {
        return database;
    }

    /** Who holds the lock: pid, host, since when (as far as the dialect can tell). */
    public String holder() {
        return holder;
    }

    public Duration waited() {
        return waited;
    }

    @Override
    public int exitCode() {
        return EXIT_LOCK_TIMEOUT;
    }
}
