package io.godwit.release;

import java.time.Instant;

/**
 * The Godwit release that last migrated a store, as its history records it: the release stamped on
 * the most recently applied migration.
 *
 * @param godwitVersion the version that Godwit recorded for itself, e.g. 0.1.0; null when unknown
 * @param appliedAt     when that migration was applied
 * @param migration     that migration, {@code subsystem/file}
 */
public record HistoryRelease(String godwitVersion, Instant appliedAt, String migration) {
}
