package io.godwit.bench.tools;

import io.godwit.bench.Fixture;
import io.godwit.bench.MigrationSet;
import io.godwit.bench.Target;

/**
 * One migration tool, driven through its own Java API. Each call does the whole job a user's
 * program would: configure, open the database, work, close. Failures are thrown as they come.
 */
public interface Tool {

    /** Applies every pending migration of the fixture. Timed by the apply workload. */
    void apply(Target target, Fixture fixture) throws Exception;

    /**
     * Opens the database and checks it is current: throws when a migration is pending or an
     * applied one was changed. Timed by the validate workloads.
     */
    void validate(Target target, Fixture fixture) throws Exception;

    /**
     * Setup, never timed: leaves the target with every migration applied and recorded exactly as
     * the tool would have recorded it. Applying for real is the default; a tool whose own apply
     * would take many minutes at 100,000 migrations runs the statements itself and writes the
     * history rows the tool's own API describes.
     */
    default void seed(Target target, Fixture fixture, MigrationSet set) throws Exception {
        apply(target, fixture);
    }

    /** The tool by its name in tables and command lines, loading no other tool's classes. */
    static Tool named(String name) {
        return switch (name) {
            case "godwit" -> new GodwitTool();
            case "flyway" -> new FlywayTool(false);
            case "flyway-group" -> new FlywayTool(true);
            case "liquibase" -> new LiquibaseTool();
            default -> throw new IllegalArgumentException("Unknown tool " + name);
        };
    }
}
