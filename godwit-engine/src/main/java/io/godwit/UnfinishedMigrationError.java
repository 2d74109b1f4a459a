package io.godwit;

/**
 * A {@code -- godwit:no-transaction} migration started and did not finish ({@code running} after a
 * crash, or {@code failed}): it may be half-applied, so apply refuses to pass it until an operator
 * runs {@code godwit resolve --retry} or {@code --mark-applied}. The database is not current.
 */
public class UnfinishedMigrationError extends MigrationError {
    private final String state;

    public UnfinishedMigrationError(String subsystem, int version, String filename, String state, String message) {
        super(subsystem, version, filename, message, null);
        this.state = state;
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
