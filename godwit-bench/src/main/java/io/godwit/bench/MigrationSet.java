package io.godwit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The migrations of one workload, as data: the same statements go to every tool and to the shell.
 * Each subsystem's migrations come in groups of ten: a table, an index on it, then eight rows, so
 * that a long chain stays small and the database does not grow to thousands of tables.
 *
 * @param name the workload's folder name, e.g. {@code w1}
 */
public record MigrationSet(String name, List<Step> steps) {

    /**
     * One migration.
     *
     * @param version its version within its subsystem (Godwit, Liquibase ids), from 1
     * @param global  its place in the whole set, from 1: Flyway's single version sequence
     */
    public record Step(String subsystem, int version, int global, String description, String sql) {

        /** The file's text, identical for every tool apart from Liquibase's changeset header. */
        public String text() {
            return "-- " + description + "\n" + sql + ";\n";
        }
    }

    public static MigrationSet generate(String name, List<String> subsystems, int perSubsystem) {
        List<Step> steps = new ArrayList<>();
        for (String subsystem : subsystems) {
            for (int v = 1; v <= perSubsystem; v++) {
                steps.add(step(subsystem, v, steps.size() + 1));
            }
        }
        return new MigrationSet(name, List.copyOf(steps));
    }

    private static Step step(String subsystem, int v, int global) {
        int group = (v - 1) / 10 + 1;
        String table = subsystem + "_t" + group;
        return switch ((v - 1) % 10) {
            case 0 -> new Step(subsystem, v, global, "create-table-" + group,
                    "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, added TEXT)");
            case 1 -> new Step(subsystem, v, global, "index-table-" + group,
                    "CREATE INDEX " + table + "_name ON " + table + " (name)");
            default -> new Step(subsystem, v, global, "insert-" + v,
                    "INSERT INTO " + table + " (id, name, added) VALUES (" + v + ", 'row " + v + "', 'migration " + v + "')");
        };
    }

    /** The same set with the statement of migration {@code global} changed, as an edited file would be. */
    public MigrationSet changed(int global) {
        List<Step> copy = new ArrayList<>(steps);
        Step s = copy.get(global - 1);
        copy.set(global - 1, new Step(s.subsystem(), s.version(), s.global(), s.description(),
                s.sql().replace("'row ", "'changed row ")));
        return new MigrationSet(name + "-changed", List.copyOf(copy));
    }

    public List<String> subsystems() {
        return steps.stream().map(Step::subsystem).distinct().toList();
    }

    public int size() {
        return steps.size();
    }
}
