package io.godwit;

/**
 * The root of every error Godwit raises. Each subclass carries the fields a caller needs
 * (subsystem, version, file, hashes) and maps to one documented command-line exit code.
 */
public class GodwitException extends RuntimeException {
    /** Exit codes of the godwit command, documented in the README. */
    public static final int EXIT_OTHER = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_CURRENT = 3;
    public static final int EXIT_INCONSISTENT = 4;
    public static final int EXIT_MIGRATION_FAILED = 5;
    public static final int EXIT_LOCK_TIMEOUT = 6;
    public static final int EXIT_BAD_SOURCE = 7;

    public GodwitException(String message) {
        super(message);
    }

    public GodwitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code the godwit command ends with when this error stops it. */
    public int exitCode() {
        return EXIT_OTHER;
    }
}
