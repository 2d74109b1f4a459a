package io.godwit;

import io.godwit.spi.MigrationSource;

import java.util.Objects;

/**
 * One migration history: a name (the {@code dir} column of the history, e.g. {@code sysdb}) and
 * where its files come from.
 */
public record Subsystem(String name, MigrationSource source) {
    public Subsystem {
        Objects.requireNonNull(source, "source");
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new GodwitException("Bad subsystem name '" + name + "': use letters, digits, '_', '-' or '.'");
        }
    }
}
