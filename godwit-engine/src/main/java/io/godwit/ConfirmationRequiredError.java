package io.godwit;

/**
 * A pending migration is marked {@code -- godwit:confirm <reason>}: an application opening the
 * database never applies it on its own; an operator runs {@code godwit migrate --confirm}.
 */
public class ConfirmationRequiredError extends GodwitException {
    private final String subsystem;
    private final int version;
    private final String filename;
    private final String reason;

    public ConfirmationRequiredError(String subsystem, int version, String filename, String reason) {
        super("Migration " + subsystem + "/" + filename + " (version " + version + ") needs an operator's confirmation: "
                + reason + ". Nothing was applied. An operator applies it with `godwit migrate --confirm`"
                + " (library: configure().confirm(true)).");
        this.subsystem = subsystem;
        this.version = version;
        this.filename = filename;
        this.reason = reason;
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

    public String reason() {
        return reason;
    }

    @Override
    public int exitCode() {
        return EXIT_NOT_CURRENT;
    }
}
