package io.godwit;

import java.time.Duration;

/**
 * A migration a run applied, and how long it took.
 *
 * @param empty it held no statement (see {@link PlannedMigration#empty()}), so applying it changed nothing but the history
 */
public record AppliedMigration(String subsystem, int version, String filename, Duration duration, boolean empty) {

    public AppliedMigration(String subsystem, int version, String filename, Duration duration) {
        this(subsystem, version, filename, duration, false);
    }
}
