package io.godwit;

/**
 * A pending migration is marked {@code -- godwit:confirm <reason>}: an application opening the
 * database never applies it on its own; an operator runs {@code godwit migrate --confirm}.
 */
public class ConfirmationRequiredError extends MigrationError {
    private final String reason;

    public ConfirmationRequiredError(String subsystem, int version, String filename, String reason) {
        super(subsystem, version, filename, "Migration " + subsystem + "/" + filename + " (version " + version
                + ") needs an operator's confirmation: " + reason + ". Nothing was applied. An operator applies it with"
                + " `godwit migrate --confirm` (library: configure().confirm(true)).", null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public int exitCode() {
        return EXIT_NOT_CURRENT;
    }
}
