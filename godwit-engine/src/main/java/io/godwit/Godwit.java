package io.godwit;

import io.godwit.backup.Backup;
import io.godwit.backup.Backups;
import io.godwit.backup.RestorePlan;
import io.godwit.backup.RestoreResult;
import io.godwit.internal.Migrator;
import io.godwit.internal.Rehasher;
import io.godwit.internal.Repairer;
import io.godwit.internal.Resolver;
import io.godwit.internal.Verifier;

import java.nio.file.Path;

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

    /**
     * Marks the store in use by this process until the hold is closed: what a client does once it
     * has migrated on open, and keeps while it is open. A change of schema or a swap of the database
     * (migrate with something pending, restore, rollback, rehash, repair, a newer release's client)
     * then waits up to the lock timeout for it and refuses, naming it ({@link StoreInUseError}).
     * Waits while such a change is under way; refuses a store a newer release has just migrated.
     *
     * @param command what this process runs, for the refusal's message; null for the JVM's main class
     */
    public io.godwit.spi.InUseHold holdInUse(String command) {
        return io.godwit.internal.InUseGuard.client(configuration, command);
    }

    // ---- safe upgrades: the README (Safe upgrades) ----

    /** An online, consistent copy with its manifest: a new file, a folder, or null for {@code backups/} beside the database. */
    public Backup backup(Path to) {
        return new Backups(configuration).backup(to);
    }

    /** Checks a backup against its manifest and reports what restoring it would lose. Changes nothing. */
    public RestorePlan planRestore(Path from) {
        return new Backups(configuration).planRestore(from);
    }

    /** {@link #planRestore} for the automatic backup taken before the last upgrade. Changes nothing. */
    public RestorePlan planRollback() {
        return new Backups(configuration).planRollback();
    }

    /** Performs a restore or rollback plan; refuses a damaged backup or a database in use. */
    public RestoreResult restore(RestorePlan plan) {
        return new Backups(configuration).restore(plan);
    }

    /** Restores a backup at once, checking it against its manifest while it is copied in. */
    public RestoreResult restore(Path from) {
        return new Backups(configuration).restore(from);
    }

    /** Checks the file, its foreign keys and that every history row still hashes to what it records. Writes nothing. */
    public VerifyReport verify() {
        return new Verifier(configuration).verify();
    }

    /** Accepts the edited file of an applied migration beside its recorded hash, with the reason, under the lock. */
    public RepairResult repair(String subsystem, int version, String reason) {
        return new Repairer(configuration).repair(subsystem, version, reason);
    }

    /** Moves the whole history to another hash algorithm after checking every file; all or nothing. */
    public RehashResult rehash(HashAlgorithm to) {
        return new Rehasher(configuration).rehash(to);
    }
}
