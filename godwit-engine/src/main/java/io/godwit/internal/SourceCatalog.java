package io.godwit.internal;

import io.godwit.HashAlgorithm;
import io.godwit.JavaMigration;
import io.godwit.MigrationSourceException;
import io.godwit.Subsystem;
import io.godwit.spi.SourceFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every subsystem's source once and turns its files of the database's scope into an ordered,
 * checked list of migrations: names parse, versions are unique and follow each other without a
 * gap. (A sequence may start above 1, so that a renumbered history is reported as Chroma reports
 * it: an inconsistent version, not a gap.)
 */
public final class SourceCatalog {
    /** The scopes of the dialects Godwit has; a file of any of them that is not the database's is ignored. */
    static final List<String> KNOWN_SCOPES = List.of("sqlite", "postgresql");
    private final Map<String, List<Migration>> bySubsystem;
    private final Map<String, List<Migration>> repeatables;

    private SourceCatalog(Map<String, List<Migration>> bySubsystem, Map<String, List<Migration>> repeatables) {
        this.bySubsystem = bySubsystem;
        this.repeatables = repeatables;
    }

    public static SourceCatalog load(List<Subsystem> subsystems, String scope, HashAlgorithm algorithm) {
        Map<String, List<Migration>> all = new LinkedHashMap<>();
        Map<String, List<Migration>> repeatables = new LinkedHashMap<>();
        for (Subsystem subsystem : subsystems) {
            if (all.containsKey(subsystem.name())) {
                throw new MigrationSourceException("Subsystem " + subsystem.name() + " is configured twice");
            }
            all.put(subsystem.name(), load(subsystem, scope, algorithm, repeatables));
        }
        return new SourceCatalog(all, repeatables);
    }

    private static List<Migration> load(Subsystem subsystem, String scope, HashAlgorithm algorithm,
                                        Map<String, List<Migration>> repeatables) {
        List<Migration> migrations = new ArrayList<>();
        List<Migration> repeatable = new ArrayList<>();
        for (SourceFile file : subsystem.source().files()) {
            if (!MigrationFileName.isSql(file.name())) {
                refuseMisspelledExtension(subsystem, file.name());
                continue;
            }
            MigrationFileName name = MigrationFileName.parse(subsystem.name(), file.name());
            if (!name.scope().equals(scope)) {
                refuseUnknownScope(subsystem, name, scope);
                continue;
            }
            String text = HashAlgorithm.normalize(file.text());
            Migration migration = Migration.sql(subsystem.name(), name, text, algorithm.hash(text));
            if (migration.repeatable() && migration.noTransaction()) {
                throw new MigrationSourceException("Repeatable migration " + migration.path() + " cannot be"
                        + " -- godwit:no-transaction: it has no version to track a half-done run by. Use a versioned file.");
            }
            (name.repeatable() ? repeatable : migrations).add(migration);
        }
        for (JavaMigration java : subsystem.javaMigrations()) {
            if (java.scopes().contains(scope)) {
                migrations.add(Migration.java(subsystem.name(), java, algorithm));
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version).thenComparing(Migration::filename));
        repeatable.sort(Comparator.comparing(Migration::filename));
        checkSequence(subsystem, migrations);
        repeatables.put(subsystem.name(), List.copyOf(repeatable));
        return List.copyOf(migrations);
    }

    /** A {@code .SQL} (any case but lower) would silently never run: refused, never applied. */
    private static void refuseMisspelledExtension(Subsystem subsystem, String filename) {
        if (filename.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            String fixed = filename.substring(0, filename.length() - 4) + ".sql";
            throw new MigrationSourceException("Migration file " + subsystem.name() + "/" + filename + " ("
                    + subsystem.source().location() + ") ends in " + filename.substring(filename.length() - 4)
                    + ": rename it to " + fixed + ". Only .sql in lower case is read, so as named it would never run.");
        }
    }

    /**
     * A file of the other known scope belongs to the other database and is ignored; any other scope
     * is a misspelling (e.g. {@code .sqlit.sql}) that would silently never run.
     */
    private static void refuseUnknownScope(Subsystem subsystem, MigrationFileName name, String scope) {
        if (!KNOWN_SCOPES.contains(name.scope())) {
            throw new MigrationSourceException("Migration file " + subsystem.name() + "/" + name.filename() + " ("
                    + subsystem.source().location() + ") has the scope '" + name.scope() + "', which Godwit does not know:"
                    + " the known scopes are " + String.join(" and ", KNOWN_SCOPES) + " (<version>-<description>."
                    + scope + ".sql for this database). Rename the file; as named it would never run.");
        }
    }

    private static void checkSequence(Subsystem subsystem, List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            if (i > 0 && migrations.get(i - 1).version() == m.version()) {
                throw new MigrationSourceException("Duplicate migration version " + m.version() + " in "
                        + subsystem.name() + " (" + subsystem.source().location() + "): "
                        + migrations.get(i - 1).filename() + " and " + m.filename() + ". Give one of them the next free version.");
            }
            if (i > 0 && m.version() != migrations.get(i - 1).version() + 1) {
                throw new MigrationSourceException("Missing migration version " + (migrations.get(i - 1).version() + 1)
                        + " in " + subsystem.name() + " (" + subsystem.source().location() + "): found "
                        + migrations.get(i - 1).filename() + " then " + m.filename()
                        + ". Versions must follow each other without a gap; restore the missing file.");
            }
        }
    }

    /** Subsystem names in the configured order. */
    public List<String> subsystems() {
        return List.copyOf(bySubsystem.keySet());
    }

    /** The subsystem's migrations in version order. */
    public List<Migration> migrations(String subsystem) {
        return bySubsystem.getOrDefault(subsystem, List.of());
    }

    /** The subsystem's repeatable migrations ({@code R-} files) in file-name order. */
    public List<Migration> repeatables(String subsystem) {
        return repeatables.getOrDefault(subsystem, List.of());
    }

    public boolean contains(String subsystem) {
        return bySubsystem.containsKey(subsystem);
    }
}
