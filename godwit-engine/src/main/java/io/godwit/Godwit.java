package io.godwit;

import io.godwit.internal.Migrator;
import io.godwit.internal.Resolver;

/**
 * The migration engine over one database. Immutable and thread-safe; each call is one run.
 *
 * <pre>{@code
 * Godwit godwit = Godwit.configure()
 *         .sqlite(Path.of("godwit_data/godwit.sqlite3"))
 *         .classpathSubsystem("sysdb", "io/godwit/store/migrations/sysdb")
 *         .hashAlgorithm(HashAlgorithm.SHA256)
 *         .load();
 * MigrateResult result = godwit.migrate();
 * }</pre>
 */
public final class Godwit {
    private final GodwitConfiguration configuration;
    private final Migrator migrator;

    Godwit(GodwitConfiguration configuration) {
        this.configuration = configuration;
        this.migrator = new Migrator(configuration);
    }

    public static GodwitConfiguration.Builder configure() {
        return new GodwitConfiguration.Builder();
    }

    public GodwitConfiguration configuration() {
        return configuration;
    }

    /**
     * Runs according to the configured mode: {@code apply} applies what is pending (all or nothing),
     * {@code validate} checks as {@link #validate()} does, {@code none} does nothing.
     */
    public MigrateResult migrate() {
        return migrator.migrate();
    }

    /**
     * Checks that the database is current, writing nothing; throws the first problem found
     * (uninitialized, unapplied, inconsistent, ahead).
     */
    public void validate() {
        migrator.validate();
    }

    /** Every subsystem's applied and pending migrations and problems. Writes nothing. */
    public StatusReport status() {
        return migrator.status();
    }

    /** What {@code migrate} would apply, file by file. Writes nothing; throws when inconsistent. */
    public Plan plan() {
        return migrator.plan();
    }

    /**
     * Settles a {@code -- godwit:no-transaction} migration that status shows as needing attention:
     * {@link Resolution#RETRY} lets the next apply run it again, {@link Resolution#MARK_APPLIED}
     * records it as applied. Takes the migration lock.
     */
    public void resolve(String subsystem, int version, Resolution resolution) {
        new Resolver(configuration).resolve(subsystem, version, resolution);
    }
}
