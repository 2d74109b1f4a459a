package io.godwit.internal;

import io.godwit.AppliedMigration;
import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.MigrationFailedError;
import io.godwit.MigrationListener;
import io.godwit.PlannedMigration;
import io.godwit.spi.CreatesSchema;
import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies selected migrations with their history rows, under a lock the caller holds. Migrations
 * are grouped into units: by default every transactional migration of the run forms one unit (all
 * or nothing); with per-migration transactions each is its own; a no-transaction migration always
 * runs alone, with autocommit, bracketed by side-table rows that let status see it if it stops.
 */
final class Applier {
    private static final Log LOG = Log.get(Applier.class);

    private final Database db;
    private final GodwitConfiguration config;
    private final SqlScriptSplitter.Flavor flavor;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private boolean historyReady;
    private int committed;

    Applier(Database db, GodwitConfiguration config) {
        this.db = db;
        this.config = config;
        this.flavor = SqlFlavors.of(db.scope());
    }

    List<AppliedMigration> apply(Connection c, List<Migration> migrations) throws SQLException {
        MigrationListener listener = config.listener();
        listener.runStarting(migrations.size());
        List<Migration> unit = new ArrayList<>();
        for (Migration m : migrations) {
            if (m.noTransaction()) {
                runInTransaction(c, unit, migrations.size());
                runAlone(c, m, migrations.size());
            } else {
                unit.add(m);
                if (config.transactionPerMigration()) {
                    runInTransaction(c, unit, migrations.size());
                }
            }
        }
        runInTransaction(c, unit, migrations.size());
        return applied;
    }

    /** How many migrations this run has committed so far: after a failure, what stays applied. */
    int committed() {
        return committed;
    }

    /** Runs and clears {@code unit} in one transaction; on failure rolls it back and throws. */
    private void runInTransaction(Connection c, List<Migration> unit, int total) throws SQLException {
        if (unit.isEmpty()) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            createHistoryIfMissing(st);
            try (HistoryWriter history = new HistoryWriter(db, c)) {
                for (Migration m : unit) {
                    applyInTransaction(st, history, m, total);
                }
                history.flush();
            }
            c.commit();
            committed += unit.size();
            reportCommitted(unit.size());
            unit.clear();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One migration of a transactional unit: its statements, then its history row queued (written before commit). */
    private void applyInTransaction(Statement st, HistoryWriter history, Migration m, int total) throws SQLException {
        try (Log.Fields fields = fields(m)) {
            long start = begin(m, total);
            int statements = execute(st, m, start, committed == 0 ? "The whole run was rolled back: the database is as it was before."
                    : "This transaction was rolled back; the " + committed
                      + " migration(s) committed before it in this run stay applied.");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (m.repeatable()) {
                history.recordRepeatable(m, took, config.hashAlgorithm().label());
            } else {
                history.queueApplied(m, took, config.hashAlgorithm().label());
            }
            finish(m, took, total, statements == 0);
        }
    }

    /** A no-transaction migration: marked running, run with autocommit, then recorded. */
    private void runAlone(Connection c, Migration m, int total) throws SQLException {
        try (Statement st = c.createStatement(); Log.Fields fields = fields(m)) {
            if (!historyReady) {
                c.setAutoCommit(false);
                createHistoryIfMissing(st);
                c.commit();
                c.setAutoCommit(true);
            }
            try (HistoryWriter history = new HistoryWriter(db, c)) {
                history.markState(m, HistoryTables.STATE_RUNNING, config.hashAlgorithm().label());
                long start = begin(m, total);
                int statements;
                try {
                    statements = execute(st, m, start, "It ran outside a transaction, so what it did before the failure stays;"
                            + " status shows it as needing attention and apply refuses to pass it until it is resolved.");
                } catch (MigrationFailedError e) {
                    history.markState(m, HistoryTables.STATE_FAILED, config.hashAlgorithm().label());
                    throw e;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                c.setAutoCommit(false);
                try {
                    history.clearState(m);
                    history.recordApplied(m, took, config.hashAlgorithm().label());
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                committed++;
                finish(m, took, total, statements == 0);
                reportCommitted(1);
            }
        }
    }

    private void createHistoryIfMissing(Statement st) throws SQLException {
        if (!historyReady) {
            if (db instanceof CreatesSchema schema) {
                schema.createSchema(st.getConnection());
            }
            for (String ddl : HistoryTables.create(db)) {
                st.execute(ddl);
            }
            historyReady = true;
        }
    }

    /** Tells the listener of the last {@code count} migrations finished, now that they are committed. */
    private void reportCommitted(int count) {
        EngineListener events = config.events();
        if (events == EngineListener.NONE) {
            return;
        }
        for (AppliedMigration m : applied.subList(applied.size() - count, applied.size())) {
            events.migrationApplied(m.subsystem(), m.version(), m.filename(), m.duration());
        }
    }

    /** {@link #run}, telling the listener of a failure. */
    private int execute(Statement st, Migration m, long start, String outcome) {
        try {
            return run(st, m, outcome);
        } catch (MigrationFailedError e) {
            if (config.events() != EngineListener.NONE) {
                config.events().migrationFailed(m.subsystem(), m.version(), m.filename(),
                        Duration.ofNanos(System.nanoTime() - start), e);
            }
            throw e;
        }
    }

    /** Runs the migration's statements; returns how many there were (a Java migration counts as one). */
    private int run(Statement st, Migration m, String outcome) {
        if (m.java() != null) {
            try {
                m.java().migrate(st.getConnection());
            } catch (Exception e) {
                throw new MigrationFailedError(m.subsystem(), m.version(), m.filename(), 1, 0,
                        "Java migration " + m.java().getClass().getName() + " threw " + e, outcome, e);
            }
            return 1;
        }
        List<SqlStatement> statements = SqlScriptSplitter.split(m.text(), flavor);
        for (SqlStatement s : statements) {
            try {
                st.execute(s.sql());
            } catch (SQLException e) {
                throw new MigrationFailedError(m.subsystem(), m.version(), m.filename(), s.number(), s.line(),
                        String.valueOf(e.getMessage()).strip(), outcome, e);
            }
        }
        return statements.size();
    }

    /** The fields of a migration's log lines (a JSON log shows them). */
    private static Log.Fields fields(Migration m) {
        return Log.fields("subsystem", m.subsystem(), "version", Integer.toString(m.version()));
    }

    private long begin(Migration m, int total) {
        int index = applied.size() + 1;
        LOG.info("Applying {} ({}/{})", m.path(), index, total);
        config.listener().migrationStarting(PendingSelection.planned(m, History.empty()), index, total);
        if (config.events() != EngineListener.NONE) {
            config.events().migrationStarted(m.subsystem(), m.version(), m.filename());
        }
        return System.nanoTime();
    }

    private void finish(Migration m, Duration took, int total, boolean empty) {
        if (empty) {
            LOG.warn("{} {}: applied, but it changed nothing but the history. Was the SQL saved in it?", m.path(),
                    PlannedMigration.EMPTY_WARNING);
        }
        AppliedMigration done = new AppliedMigration(m.subsystem(), m.version(), m.filename(), took, empty);
        applied.add(done);
        try (Log.Fields duration = Log.fields("duration_ms", Long.toString(took.toMillis()))) {
            LOG.info("Applied {} in {} ms", m.path(), took.toMillis());
        }
        config.listener().migrationFinished(done, applied.size(), total);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
