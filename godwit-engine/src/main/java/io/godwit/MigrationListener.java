package io.godwit;

/**
 * Told of a run's progress, for progress bars and custom logging. Called on the migrating thread;
 * keep it quick. The engine logs the same events through SLF4J whether or not a listener is set.
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /** Before the first migration of a run that has {@code total} to apply. */
    default void runStarting(int total) {
    }

    /** Before migration number {@code index} (1-based) of {@code total}. */
    default void migrationStarting(PlannedMigration migration, int index, int total) {
    }

    /** After a migration's statements ran and its history row was written (not yet committed). */
    default void migrationFinished(AppliedMigration migration, int index, int total) {
    }
}
