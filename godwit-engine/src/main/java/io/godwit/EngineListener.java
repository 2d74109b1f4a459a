package io.godwit;

import java.time.Duration;

/**
 * Told of what the engine does, for metrics and traces (the godwit-metrics module binds it to a
 * Micrometer registry); set with {@link GodwitConfiguration.Builder#events}. Unlike
 * {@link MigrationListener}, which draws progress, it is told only what happened for good: a
 * migration is reported applied once its transaction committed, so counters never count what a
 * rollback undid.
 *
 * <p>Every method is called on the thread doing the work, synchronously, and must be quick and must
 * not throw (an exception would fail the run). {@link #NONE}, the default, is never called: the
 * engine checks for it first, so a configuration without a listener pays nothing, not even a clock
 * read.
 *
 * <p>A migration's {@code version} is its number; a repeatable migration ({@code R-} file) has
 * version 0.
 */
public interface EngineListener {
    EngineListener NONE = new EngineListener() {
    };

    /** A run of {@code migrate} that will apply {@code pending} migrations to {@code database} starts (under the lock). */
    default void runStarted(String database, int pending) {
    }

    /**
     * The run that {@link #runStarted} announced ended: {@code applied} migrations committed, in
     * {@code took}; {@code failure} is what stopped it, or null.
     */
    default void runFinished(String database, int applied, Duration took, GodwitException failure) {
    }

    /** A migration's statements are about to run. */
    default void migrationStarted(String subsystem, int version, String filename) {
    }

    /** A migration committed, and ran for {@code took}. */
    default void migrationApplied(String subsystem, int version, String filename, Duration took) {
    }

    /** A migration failed after {@code took} and its transaction was rolled back (see {@link MigrationFailedError}). */
    default void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
    }

    /**
     * How many migrations of {@code subsystem} are pending as of now: reported by every {@code migrate}
     * (before it applies, and again after it committed) and every {@code status}, for every subsystem
     * the engine knows, 0 included.
     */
    default void pending(String subsystem, int count) {
    }

    /** The migration lock on {@code database} was taken after waiting {@code waited} (close to 0 when free). */
    default void lockAcquired(String database, Duration waited) {
    }

    /** The migration lock on {@code database} was not had within the lock timeout ({@link LockTimeoutError}). */
    default void lockTimedOut(String database, Duration waited) {
    }

    /**
     * A backup was written and published: {@code kind} is {@code manual} or {@code before-migrate},
     * {@code bytes} the backup file's size.
     */
    default void backupTaken(String database, String kind, Duration took, long bytes) {
    }
}
