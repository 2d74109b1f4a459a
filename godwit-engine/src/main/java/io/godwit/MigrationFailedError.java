package io.godwit;

/**
 * A statement of a migration failed. The run's transaction was rolled back, so the database is as
 * it was before the run (with per-migration transactions: as it was before this migration).
 */
public class MigrationFailedError extends MigrationError {
    private final int statementNumber;
    private final int line;
    private final String databaseMessage;

    public MigrationFailedError(String subsystem, int version, String filename, int statementNumber,
                                int line, String databaseMessage, String outcome, Throwable cause) {
        super(subsystem, version, filename, "Migration " + subsystem + "/" + filename + " (version " + version
                + ") failed at statement " + statementNumber + " (line " + line + "): " + databaseMessage + ". " + outcome, cause);
        this.statementNumber = statementNumber;
        this.line = line;
        this.databaseMessage = databaseMessage;
    }

    public int statementNumber() {
        return statementNumber;
    }

    public int line() {
        return line;
    }

    public String databaseMessage() {
        return databaseMessage;
    }

    @Override
    public int exitCode() {
        return EXIT_MIGRATION_FAILED;
    }
}
