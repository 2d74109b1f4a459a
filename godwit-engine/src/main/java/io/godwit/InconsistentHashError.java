package io.godwit;

/** An applied migration's file no longer has the hash recorded when it was applied. */
public class InconsistentHashError extends MigrationError {
    private final String dbHash;
    private final String sourceHash;

    public InconsistentHashError(String subsystem, int version, String filename,
                                 String dbHash, String sourceHash, String hint) {
        super(subsystem, version, filename, "Inconsistent hashes in " + subsystem + "/" + filename + ": db hash was "
                + dbHash + ", source hash was " + sourceHash
                + ". Was the migration file modified after it was applied? " + hint, null);
        this.dbHash = dbHash;
        this.sourceHash = sourceHash;
    }

    public String dbHash() {
        return dbHash;
    }

    public String sourceHash() {
        return sourceHash;
    }

    @Override
    public int exitCode() {
        return EXIT_INCONSISTENT;
    }
}
