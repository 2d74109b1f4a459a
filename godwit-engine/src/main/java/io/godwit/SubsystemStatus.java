package io.godwit;

import io.godwit.release.ReleaseStanding;

import java.util.List;

/**
 * One subsystem's standing: what the database has applied, what the code would still apply, and
 * the inconsistency that stops it, if any.
 *
 * @param configured false for a history the database holds but this configuration does not know
 * @param problem    the inconsistency found, or null
 * @param releases   which release introduced each migration, when the subsystem has releases; else null
 */
public record SubsystemStatus(String name, boolean configured, List<HistoryEntry> applied,
                              List<PlannedMigration> pending, GodwitException problem, ReleaseStanding releases) {
    public SubsystemStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    public SubsystemStatus(String name, boolean configured, List<HistoryEntry> applied,
                           List<PlannedMigration> pending, GodwitException problem) {
        this(name, configured, applied, pending, problem, null);
    }

    /** Applied up to the newest known version, nothing inconsistent. */
    public boolean current() {
        return problem == null && pending.isEmpty();
    }
}
