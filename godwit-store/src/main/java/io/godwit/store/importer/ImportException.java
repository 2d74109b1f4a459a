package io.godwit.store.importer;

import io.godwit.GodwitException;

import java.nio.file.Path;

/**
 * An import that cannot go on: a source file that is damaged or of an unknown shape, a record
 * Godwit cannot hold, a name clash in the target, or a verification that found a difference. The
 * message names the file (or collection and record) and what to do; nothing was left behind that
 * looks like a finished import.
 */
public final class ImportException extends GodwitException {
    /** Exit code of an import whose verification found a difference between source and store. */
    public static final int EXIT_VERIFICATION = EXIT_INCONSISTENT;

    private final Path file;
    private final int exitCode;

    public ImportException(Path file, String message) {
        this(file, message, null, EXIT_OTHER);
    }

    public ImportException(Path file, String message, Throwable cause) {
        this(file, message, cause, EXIT_OTHER);
    }

    ImportException(Path file, String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.file = file;
        this.exitCode = exitCode;
    }

    /** The source file at fault; null when the fault is not in one file. */
    public Path file() {
        return file;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
