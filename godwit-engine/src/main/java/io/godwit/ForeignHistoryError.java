package io.godwit;

/**
 * The database's history was written by another tool ({@link HistoryOrigin}), so Godwit's files
 * cannot be checked or applied against it. Nothing was written.
 */
public class ForeignHistoryError extends GodwitException {
    private final transient HistoryOrigin origin;

    public ForeignHistoryError(String database, HistoryOrigin origin) {
        super(origin.describe(database));
        this.origin = origin;
    }

    public HistoryOrigin origin() {
        return origin;
    }

    @Override
    public int exitCode() {
        return EXIT_INCONSISTENT;
    }
}
