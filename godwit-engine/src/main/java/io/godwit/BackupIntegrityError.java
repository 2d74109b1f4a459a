package io.godwit;

import java.nio.file.Path;

/**
 * A backup that is not what its manifest says: missing, truncated or altered. Nothing was changed;
 * the database is as it was.
 */
public class BackupIntegrityError extends GodwitException {
    private final Path backup;
    private final String expected;
    private final String actual;

    /**
     * @param expected what the manifest records (a sha256, a size, a format)
     * @param actual   what was found instead
     */
    public BackupIntegrityError(Path backup, String problem, String expected, String actual) {
        super("Refusing backup " + backup + ": " + problem + " (manifest says " + expected + ", found " + actual
                + "). Nothing was changed. Use another backup; a damaged one can only be compared, never restored.");
        this.backup = backup;
        this.expected = expected;
        this.actual = actual;
    }

    public Path backup() {
        return backup;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    @Override
    public int exitCode() {
        return EXIT_INCONSISTENT;
    }
}
