package io.godwit;

import io.godwit.release.SubsystemReleases;
import io.godwit.spi.MigrationSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One migration history: a name (the {@code dir} column of the history, e.g. {@code sysdb}),
 * where its files come from, the Java migrations that stand in its sequence beside them, and,
 * when it opts into the release policy, which release introduced each of them.
 *
 * @param releases the subsystem's releases, or null when it has no release notion
 */
public record Subsystem(String name, MigrationSource source, List<JavaMigration> javaMigrations,
                        SubsystemReleases releases) {
    public Subsystem(String name, MigrationSource source) {
        this(name, source, List.of());
    }

    public Subsystem(String name, MigrationSource source, List<JavaMigration> javaMigrations) {
        this(name, source, javaMigrations, null);
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
        return new Subsystem(name, source, all, releases);
    }

    /** This subsystem under the release policy: status names releases, {@link io.godwit.release.ReleasePolicy} checks it. */
    public Subsystem withReleases(SubsystemReleases value) {
        return new Subsystem(name, source, javaMigrations, value);
    }
}
