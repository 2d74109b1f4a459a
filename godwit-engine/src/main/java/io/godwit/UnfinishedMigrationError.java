package io.godwit;

/**
 * A {@code -- godwit:no-transaction} migration started and did not finish ({@code running} after a
 * crash, or {@code failed}): it may be half-applied, so apply refuses to pass it until an operator
 * runs {@code godwit resolve --retry} or {@code --mark-applied}. The database is not current.
 */
public class UnfinishedMigrationError extends GodwitException {
    private final String subsystem;
    private final int version;
    private final String state;

    public UnfinishedMigrationError(String subsystem, int version, String state, String message) {
        super(message);
        this.subsystem = subsystem;
        this.version = version;
        this.state = state;
    }

    public String subsystem() {
        return subsystem;
    }

    public int version() {
        return version;
    }

    /** {@code running} or {@code failed}. */
    public String state() {
        return state;
    }

    @Override
    public int exitCode() {
        return EXIT_NOT_CURRENT;
    }
}
