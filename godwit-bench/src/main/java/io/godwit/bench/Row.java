package io.godwit.bench;

/**
 * One line of the table: a tool's times on one workload and database, or why there are none.
 *
 * @param section  the workload and its size, e.g. {@code 2 apply 1,000}
 * @param tool     {@code godwit}, {@code flyway}, {@code liquibase}, ... or {@link #SHELL}
 * @param stats    null when the row failed or was skipped
 * @param missing  why there are no figures: "n/a (reason)" or "skipped (reason)"
 */
public record Row(String section, Dialect dialect, String tool, Stats stats, String missing) {
    public static final String SHELL = "shell";
    /** The command line through its launcher, {@code bin/godwit validate} (cold rows only). */
    public static final String GODWIT_CLI = "godwit-cli";

    public static Row measured(String section, Dialect dialect, String tool, Stats stats) {
        return new Row(section, dialect, tool, stats, null);
    }

    public static Row failed(String section, Dialect dialect, String tool, String reason) {
        return new Row(section, dialect, tool, null, "n/a (" + reason + ")");
    }

    public static Row skipped(String section, Dialect dialect, String tool, String reason) {
        return new Row(section, dialect, tool, null, "skipped (" + reason + ")");
    }
}
