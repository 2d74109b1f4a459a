package io.godwit;

/**
 * An error about one migration: which subsystem, version and file. The subclasses add what is
 * particular to them (hashes, the failing statement, the confirmation reason).
 */
public abstract class MigrationError extends GodwitException {
    private final String subsystem;
    private final int version;
    private final String filename;

    protected MigrationError(String subsystem, int version, String filename, String message, Throwable cause) {
        super(message, cause);
        this.subsystem = subsystem;
        this.version = version;
        this.filename = filename;
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
}
