package io.godwit;

import java.util.Locale;

/** What a run does with the database: Chroma's three migration modes. */
public enum MigrationMode {
    /** Create the history if missing, check it, apply what is pending. The default. */
    APPLY,
    /** Check only: writes nothing, not even the history table; fails unless the database is current. */
    VALIDATE,
    /** No checks at all. Not recommended: a database newer than the code goes unnoticed. */
    NONE;

    /** Parses {@code apply}, {@code validate} or {@code none}, case-insensitively. */
    public static MigrationMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GodwitException("Unknown migration mode '" + text + "': use apply, validate or none");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
