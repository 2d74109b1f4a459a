package io.godwit;

import io.godwit.spi.MigrationSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One migration history: a name (the {@code dir} column of the history, e.g. {@code sysdb}),
 * where its files come from, and the Java migrations that stand in its sequence beside them.
 */
public record Subsystem(String name, MigrationSource source, List<JavaMigration> javaMigrations) {
    public Subsystem(String name, MigrationSource source) {
        this(name, source, List.of());
    }

    public Subsystem {
        Objects.requireNonNull(source, "source");
        javaMigrations = List.copyOf(javaMigrations);
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new GodwitException("Bad subsystem name '" + name + "': use letters, digits, '_', '-' or '.'");
        }
    }

    /** This subsystem with more Java migrations in its sequence. */
    public Subsystem with(JavaMigration... migrations) {
        List<JavaMigration> all = new ArrayList<>(javaMigrations);
        all.addAll(Arrays.asList(migrations));
        return new Subsystem(name, source, all);
    }
}
