package io.godwit;

import java.time.Duration;

/** A migration a run applied, and how long it took. */
public record AppliedMigration(String subsystem, int version, String filename, Duration duration) {
}
