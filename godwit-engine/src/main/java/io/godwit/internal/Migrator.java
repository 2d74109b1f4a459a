package io.godwit.internal;

import io.godwit.AppliedMigration;
import io.godwit.ForeignHistoryError;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HistoryEntry;
import io.godwit.HistoryOrigin;
import io.godwit.MigrateResult;
import io.godwit.Plan;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.Subsystem;
import io.godwit.SubsystemStatus;
import io.godwit.UnappliedMigrationsError;
import io.godwit.UninitializedMigrationsError;
import io.godwit.backup.AutoBackup;
import io.godwit.release.ReleaseStanding;
import io.godwit.release.SubsystemReleases;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The safety protocol, in one place. Reading paths (validate, status, plan) open an existing
 * database only and never write. The applying path reads first without a lock, so that the common
 * case, a current database, costs one read and writes nothing; only when something is pending does
 * it lock, read again (another migrator may have finished meanwhile), apply and record in one
 * transaction, and unlock.
 */
public final class Migrator {
    private static final Log LOG = Log.get(Migrator.class);

    private final GodwitConfiguration config;
    private final Database db;

    public Migrator(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    public MigrateResult migrate() {
        long start = System.nanoTime();
        switch (config.mode()) {
            case NONE:
                return nothingApplied(start);
            case VALIDATE:
                validate();
                return nothingApplied(start);
            default:
                return apply(catalog(), start);
        }
    }

    private MigrateResult apply(SourceCatalog catalog, long start) {
        boolean existed;
        try {
            Optional<Connection> existing = db.openForReading();
            existed = existing.isPresent();
            if (existed) {
                try (Connection c = existing.get()) {
                    History history = History.read(db, c);
                    refuseForeign(history);
                    PendingReport.report(config, catalog, history, List.of());
                    if (PendingSelection.selectBeforeLock(config, catalog, history).isEmpty()) {
                        LOG.debug("{} is current", db.describe());
                        return nothingApplied(start);
                    }
                }
            }
        } catch (SQLException e) {
            throw databaseError("read the history of", e);
        }
        try (Connection c = db.openForWriting(); MigrationLock lock = TimedLock.take(config, c);
             InUseGuard.Deferred inUse = new InUseGuard.Deferred(config)) {
            try {
                History history = History.read(db, c);
                PendingReport.report(config, catalog, history, List.of());
                List<Migration> pending = PendingSelection.select(config, catalog, history);
                if (pending.isEmpty()) {
                    return nothingApplied(start);
                }
                if (existed) {
                    inUse.take(c, "migrate");   // a running client must not see its schema change; a new store has none
                }
                // Under the lock and only when something will change: the way back matches what is changed.
                Path backup = AutoBackup.beforeMigrate(config, c);
                Applier applier = new Applier(db, config);
                List<AppliedMigration> applied;
                RunReport run = RunReport.start(config, pending.size());
                try {
                    applied = applier.apply(c, pending);
                    run.finished(applier.committed(), null);
                } catch (SQLException | RuntimeException e) {
                    run.finished(applier.committed(), e);
                    throw e;
                } finally {
                    // Rotation only after a commit; a run that committed nothing deletes its own backup.
                    AutoBackup.afterRun(config, backup, applier.committed() > 0);
                }
                PendingReport.report(config, catalog, history, applied);
                return new MigrateResult(applied, Duration.ofNanos(System.nanoTime() - start), backup);
            } catch (SQLException | RuntimeException e) {
                // Still under the lock: no other migrator can be inside the file we remove.
                if (!existed) {
                    db.discardCreated();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw databaseError("migrate", e);
        }
    }

    private static MigrateResult nothingApplied(long start) {
        return new MigrateResult(List.of(), Duration.ofNanos(System.nanoTime() - start), null);
    }

    public void validate() {
        SourceCatalog catalog = catalog();
        History history = readHistory();
        if (!history.initialized()) {
            throw new UninitializedMigrationsError(db.describe());
        }
        refuseForeign(history);
        // Inconsistencies first: they are the graver news, whatever else is pending.
        List<List<Migration>> pendingPerSubsystem = new ArrayList<>();
        for (String subsystem : catalog.subsystems()) {
            pendingPerSubsystem.add(SequenceCheck.pending(subsystem, history.applied(subsystem),
                    catalog.migrations(subsystem), config.hashAlgorithm()));
        }
        for (List<Migration> pending : pendingPerSubsystem) {
            if (!pending.isEmpty()) {
                throw new UnappliedMigrationsError(pending.get(0).subsystem(), pending.get(0).version(), pending.size());
            }
        }
        for (String subsystem : catalog.subsystems()) {
            List<Migration> changed = PendingSelection.changedRepeatables(catalog, history, subsystem);
            if (!changed.isEmpty()) {
                throw new UnappliedMigrationsError(subsystem, changed.get(0).filename(), changed.size());
            }
        }
    }

    public StatusReport status() {
        SourceCatalog catalog = catalog();
        History history = readHistory();
        HistoryOrigin origin = origin(history).orElse(null);
        List<SubsystemStatus> result = new ArrayList<>();
        for (String subsystem : catalog.subsystems()) {
            List<HistoryEntry> applied = history.applied(subsystem);
            if (origin != null && origin.subsystems().contains(subsystem)) {
                // Another tool's rows: comparing them with our files would call each one inconsistent.
                result.add(new SubsystemStatus(subsystem, true, applied, List.of(), null));
                continue;
            }
            try {
                List<Migration> versioned = new ArrayList<>(SequenceCheck.pending(subsystem, applied,
                        catalog.migrations(subsystem), config.hashAlgorithm()));
                versioned.addAll(PendingSelection.changedRepeatables(catalog, history, subsystem));
                List<PlannedMigration> pending = versioned.stream().map(m -> PendingSelection.planned(m, history)).toList();
                result.add(new SubsystemStatus(subsystem, true, applied, pending, null,
                        releases(subsystem, catalog, applied, pending)));
            } catch (GodwitException e) {
                result.add(new SubsystemStatus(subsystem, true, applied, List.of(), e,
                        releases(subsystem, catalog, applied, List.of())));
            }
        }
        for (String subsystem : history.subsystems()) {
            if (!catalog.contains(subsystem)) {
                result.add(new SubsystemStatus(subsystem, false, history.applied(subsystem), List.of(), null));
            }
        }
        PendingReport.report(config, result);
        return new StatusReport(db.describe(), history.initialized(), result, origin, InUseGuard.holders(config));
    }

    public Plan plan() {
        History history = readHistory();
        refuseForeign(history);
        List<PlannedMigration> planned = new ArrayList<>();
        // A gated or unfinished migration is shown in the plan, not refused.
        for (Migration m : PendingSelection.selectIgnoringAttention(config, catalog(), history)) {
            planned.add(PendingSelection.planned(m, history));
        }
        return new Plan(db.describe(), planned);
    }

    /** Which release introduced each migration, for a subsystem that opted into the release policy; else null. */
    private ReleaseStanding releases(String subsystem, SourceCatalog catalog, List<HistoryEntry> applied,
                                     List<PlannedMigration> pending) {
        SubsystemReleases releases = config.subsystems().stream().filter(s -> s.name().equals(subsystem))
                .map(Subsystem::releases).filter(Objects::nonNull).findFirst().orElse(null);
        List<Migration> known = catalog.migrations(subsystem);
        return releases == null ? null : ReleaseStanding.of(subsystem, releases, applied, pending,
                known.isEmpty() ? 0 : known.get(known.size() - 1).version());
    }

    /** The other tool that wrote this history, if a configured recognizer knows it. */
    private Optional<HistoryOrigin> origin(History history) {
        if (!history.initialized() || history.subsystems().isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<HistoryEntry>> rows = history.all();
        return config.recognizers().stream().map(r -> r.recognize(rows)).flatMap(Optional::stream).findFirst();
    }

    private void refuseForeign(History history) {
        Optional<HistoryOrigin> origin = origin(history);
        if (origin.isPresent()) {
            throw new ForeignHistoryError(db.describe(), origin.get());
        }
    }

    private SourceCatalog catalog() {
        return SourceCatalog.load(config.subsystems(), db.scope(), config.hashAlgorithm());
    }

    private History readHistory() {
        try {
            Optional<Connection> existing = db.openForReading();
            if (existing.isEmpty()) {
                return History.empty();
            }
            try (Connection c = existing.get()) {
                return History.read(db, c);
            }
        } catch (SQLException e) {
            throw databaseError("read the history of", e);
        }
    }

    private GodwitException databaseError(String action, SQLException e) {
        return new GodwitException("Could not " + action + " " + db.describe() + ": " + e.getMessage(), e);
    }
}
