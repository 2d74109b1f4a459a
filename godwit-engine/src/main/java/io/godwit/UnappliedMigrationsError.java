package io.godwit;

/** Validate mode found migrations the database has not had yet. */
public class UnappliedMigrationsError extends GodwitException {
    private final String subsystem;
    private final int firstVersion;
    private final int count;

    public UnappliedMigrationsError(String subsystem, int firstVersion, int count) {
        super("Unapplied migrations in " + subsystem + ", starting with version " + firstVersion
                + " (" + count + " pending). Run `godwit migrate` to apply them.");
        this.subsystem = subsystem;
        this.firstVersion = firstVersion;
        this.count = count;
    }

    /** A repeatable migration that changed since it was last applied (reported as version 0). */
    public UnappliedMigrationsError(String subsystem, String repeatableFile, int count) {
        super("Unapplied migrations in " + subsystem + ": repeatable migration " + repeatableFile
                + " changed since it was last applied (" + count + " pending). Run `godwit migrate` to apply it.");
        this.subsystem = subsystem;
        this.firstVersion = 0;
        this.count = count;
    }

    public String subsystem() {
        return subsystem;
    }

    public int firstVersion() {
        return firstVersion;
    }

    public int count() {
        return count;
    }

    @Override
    public int exitCode() {
        return EXIT_NOT_CURRENT;
    }
}
