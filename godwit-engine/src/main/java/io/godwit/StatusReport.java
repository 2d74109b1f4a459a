package io.godwit;

import java.util.List;

/**
 * The standing of every subsystem of one database. Reading it never writes to the database.
 *
 * @param initialized false when the database or its history table does not exist
 */
public record StatusReport(String database, boolean initialized, List<SubsystemStatus> subsystems) {
    public StatusReport {
        subsystems = List.copyOf(subsystems);
    }

    public boolean current() {
        return initialized && subsystems.stream().allMatch(SubsystemStatus::current);
    }
}
