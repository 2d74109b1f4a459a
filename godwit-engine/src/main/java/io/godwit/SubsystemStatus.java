package io.godwit;

import java.util.List;

/**
 * One subsystem's standing: what the database has applied, what the code would still apply, and
 * the inconsistency that stops it, if any.
 *
 * @param configured false for a history the database holds but this configuration does not know
 * @param problem    the inconsistency found, or null
 */
public record SubsystemStatus(String name, boolean configured, List<HistoryEntry> applied,
                              List<PlannedMigration> pending, GodwitException problem) {
    public SubsystemStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** Applied up to the newest known version, nothing inconsistent. */
    public boolean current() {
        return problem == null && pending.isEmpty();
    }
}
