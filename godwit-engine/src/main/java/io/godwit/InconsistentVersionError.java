package io.godwit;

/** The applied sequence and the files disagree on which version stands at a position. */
public class InconsistentVersionError extends GodwitException {
    private final String subsystem;
    private final int dbVersion;
    private final int sourceVersion;

    public InconsistentVersionError(String subsystem, int dbVersion, int sourceVersion) {
        super("Inconsistent migration versions in " + subsystem + ": db version was " + dbVersion
                + ", source version was " + sourceVersion
                + ". Has the migration sequence been modified since it was applied?"
                + " Restore the original migration files, or restore the database from a backup.");
        this.subsystem = subsystem;
        this.dbVersion = dbVersion;
        this.sourceVersion = sourceVersion;
    }

    public String subsystem() {
        return subsystem;
    }

    public int dbVersion() {
        return dbVersion;
    }

    public int sourceVersion() {
        return sourceVersion;
    }

    @Override
    public int exitCode() {
        return EXIT_INCONSISTENT;
    }
}
