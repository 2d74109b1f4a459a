package io.godwit;

import java.util.List;
import java.util.Optional;

/**
 * The standing of every subsystem of one database. Reading it never writes to the database.
 *
 * @param initialized false when the database or its history table does not exist
 * @param origin      who wrote the history when another tool did (e.g. Chroma), else null
 */
public record StatusReport(String database, boolean initialized, List<SubsystemStatus> subsystems, HistoryOrigin origin) {
    public StatusReport {
        subsystems = List.copyOf(subsystems);
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
}
