package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.Resolution;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settles a no-transaction migration that needs attention, under the migration lock: a state found
 * while holding it was left by a migrator that is gone, not by one still running. Only the next
 * pending migration of its subsystem can need attention (apply stops there), and only it can be
 * marked applied, so the history never gets a hole.
 */
public final class Resolver {
    private static final Log LOG = Log.get(Resolver.class);

    private final GodwitConfiguration config;
    private final Database db;

    public Resolver(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    public void resolve(String subsystem, int version, Resolution resolution) {
        SourceCatalog catalog = SourceCatalog.load(config.subsystems(), db.scope(), config.hashAlgorithm());
        if (!catalog.contains(subsystem)) {
            throw new GodwitException("Unknown subsystem '" + subsystem + "': known are " + catalog.subsystems());
        }
        try {
            Optional<Connection> existing = db.openForReading();
            if (existing.isEmpty()) {
                throw new GodwitException("There is no migration history in " + db.describe() + ": nothing to resolve.");
            }
            existing.get().close();
            try (Connection c = db.openForWriting(); MigrationLock lock = TimedLock.take(config, c)) {
                History history = History.read(db, c);
                Migration m = needingAttention(catalog, history, subsystem, version);
                String state = history.unfinishedState(subsystem, version);
                record(c, m, resolution, state);
                LOG.info("Resolved {} (state {}) with {}", m.path(), state, resolution);
            }
        } catch (SQLException e) {
            throw new GodwitException("Could not resolve " + subsystem + "/" + version + " in " + db.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    private Migration needingAttention(SourceCatalog catalog, History history, String subsystem, int version) {
        if (history.unfinishedState(subsystem, version) == null) {
            throw new GodwitException("Migration " + subsystem + "/" + version + " does not need attention in "
                    + db.describe() + ": only a no-transaction migration that started and did not finish can be"
                    + " resolved (see `godwit status`).");
        }
        List<Migration> pending = SequenceCheck.pending(subsystem, history.applied(subsystem),
                catalog.migrations(subsystem), config.hashAlgorithm());
        if (pending.isEmpty() || pending.get(0).version() != version) {
            throw new GodwitException("Migration " + subsystem + "/" + version + " is not the next one to apply in "
                    + subsystem + (pending.isEmpty() ? " (none is pending)" : " (that is version " + pending.get(0).version() + ")")
                    + ": restore its file, or the files before it, and resolve again.");
        }
        return pending.get(0);
    }

    private void record(Connection c, Migration m, Resolution resolution, String state) throws SQLException {
        c.setAutoCommit(false);
        try (HistoryWriter history = new HistoryWriter(db, c)) {
            history.clearState(m);
            if (resolution == Resolution.MARK_APPLIED) {
                history.recordApplied(m, Duration.ZERO, config.hashAlgorithm().label());
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + db.table(HistoryTables.SIDE)
                        + " SET duration_ms = NULL, note = ? WHERE dir = ? AND version = ?")) {
                    ps.setString(1, "marked applied by an operator (godwit resolve --mark-applied) after an attempt"
                            + " left it " + state);
                    ps.setString(2, m.subsystem());
                    ps.setInt(3, m.version());
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
