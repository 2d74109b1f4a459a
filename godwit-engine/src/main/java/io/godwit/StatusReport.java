package io.godwit;

import io.godwit.release.HistoryRelease;
import io.godwit.release.UpgradeVerdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The standing of every subsystem of one database. Reading it never writes to the database.
 *
 * @param initialized false when the database or its history table does not exist
 * @param origin      who wrote the history when another tool did (e.g. Chroma), else null
 * @param inUseBy     the clients that hold the store in use now, described; empty when none (or untracked)
 */
public record StatusReport(String database, boolean initialized, List<SubsystemStatus> subsystems, HistoryOrigin origin,
                           List<String> inUseBy) {
    public StatusReport {
        subsystems = List.copyOf(subsystems);
        inUseBy = List.copyOf(inUseBy);
    }

    public StatusReport(String database, boolean initialized, List<SubsystemStatus> subsystems, HistoryOrigin origin) {
        this(database, initialized, subsystems, origin, List.of());
    }

    public StatusReport(String database, boolean initialized, List<SubsystemStatus> subsystems) {
        this(database, initialized, subsystems, null);
    }

    /** A history another tool wrote is never current for Godwit's files. */
    public boolean current() {
        return initialized && origin == null && subsystems.stream().allMatch(SubsystemStatus::current);
    }

    public Optional<HistoryOrigin> foreignOrigin() {
        return Optional.ofNullable(origin);
    }

    /** What this release will do with the store: nothing, migrate, wait for an operator, or refuse. */
    public UpgradeVerdict upgrade() {
        return UpgradeVerdict.of(this);
    }

    /** The most recently applied migration that records when, and the Godwit release that applied it. */
    public Optional<HistoryRelease> lastMigration() {
        return subsystems.stream().flatMap(s -> s.applied().stream()).filter(e -> e.appliedAt() != null)
                .max(Comparator.comparing(HistoryEntry::appliedAt).thenComparing(HistoryEntry::version))
                .map(e -> new HistoryRelease(e.godwitVersion(), e.appliedAt(), e.dir() + "/" + e.filename()));
    }
}
