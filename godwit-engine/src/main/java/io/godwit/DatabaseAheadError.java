package io.godwit;

/**
 * The database holds migrations this code does not know: a newer release upgraded it. Refused when
 * the database is opened, instead of failing later with "no such column".
 */
public class DatabaseAheadError extends GodwitException {
    private final String subsystem;
    private final int newestApplied;
    private final String newestAppliedFile;
    private final int newestKnown;

    public DatabaseAheadError(String subsystem, int newestApplied, String newestAppliedFile, int newestKnown) {
        this(subsystem, newestApplied, newestAppliedFile, newestKnown, null);
    }

    /** @param appliedBy the Godwit release that applied the newest migration, as recorded; null when unknown */
    public DatabaseAheadError(String subsystem, int newestApplied, String newestAppliedFile, int newestKnown, String appliedBy) {
        super("Database is ahead of this code in " + subsystem + ": newest applied migration is "
                + newestAppliedFile + " (version " + newestApplied + "), newest known is "
                + (newestKnown == 0 ? "none" : "version " + newestKnown)
                + ". A newer release" + (appliedBy == null ? "" : " (Godwit " + appliedBy + ", this is " + Version.get() + ")")
                + " upgraded this database: run that release, or restore a backup"
                + " taken before the upgrade (`godwit rollback`).");
        this.subsystem = subsystem;
        this.newestApplied = newestApplied;
        this.newestAppliedFile = newestAppliedFile;
        this.newestKnown = newestKnown;
    }

    public String subsystem() {
        return subsystem;
    }

    public int newestApplied() {
        return newestApplied;
    }

    public String newestAppliedFile() {
        return newestAppliedFile;
    }

    public int newestKnown() {
        return newestKnown;
    }

    @Override
    public int exitCode() {
        return EXIT_INCONSISTENT;
    }
}
