package io.godwit;

/** An applied migration's file no longer has the hash recorded when it was applied. */
public class InconsistentHashError extends GodwitException {
    private final String subsystem;
    private final int version;
    private final String filename;
    private final String dbHash;
    private final String sourceHash;

    public InconsistentHashError(String subsystem, int version, String filename,
                                 String dbHash, String sourceHash, String hint) {
        super("Inconsistent hashes in " + subsystem + "/" + filename + ": db hash was " + dbHash
                + ", source hash was " + sourceHash
                + ". Was the migration file modified after it was applied? " + hint);
        this.subsystem = subsystem;
        this.version = version;
        this.filename = filename;
        this.dbHash = dbHash;
        this.sourceHash = sourceHash;
    }

    public String subsystem() {
        return subsystem;
    }

    public int version() {
        return version;
    }

    public String filename() {
        return filename;
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
