package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.InUseHolder;
import io.godwit.MigrationMode;
import io.godwit.spi.Database;
import io.godwit.spi.InUseHold;
import io.godwit.spi.InUseTracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine takes the "in use" hold ({@link InUseTracking}): shared by a client once it has
 * migrated, for as long as it is open; exclusive for a change that must not happen under a running
 * client (migrate with something pending, restore, rollback, rehash, repair). A database that cannot
 * track its users, or a forced change, holds nothing.
 */
public final class InUseGuard {
    private static final Logger LOG = LoggerFactory.getLogger(InUseGuard.class);

    private InUseGuard() {
    }

    /**
     * Marks the store in use by this client. A newer release may have migrated it between the
     * client's own migrate and this hold, so the history is checked again once held: a store ahead
     * of the code is refused ({@link io.godwit.DatabaseAheadError}) and the hold released.
     */
    public static InUseHold client(GodwitConfiguration config, String command) {
        Database db = config.database();
        if (!(db instanceof InUseTracking tracking)) {
            return InUseHold.NONE;
        }
        InUseHold hold;
        try {
            hold = tracking.holdShared(InUseHolder.self(command), config.lockTimeout());
        } catch (SQLException e) {
            throw new GodwitException("Could not mark " + db.describe() + " in use: " + e.getMessage(), e);
        }
        try {
            if (config.mode() != MigrationMode.NONE) {
                checkKnown(config);
            }
            return hold;
        } catch (RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /** Takes the store to this change alone, or refuses naming its clients; nothing when forced. */
    public static InUseHold change(GodwitConfiguration config, Connection connection, String action) {
        Database db = config.database();
        if (!(db instanceof InUseTracking tracking)) {
            return InUseHold.NONE;
        }
        if (config.force()) {
            LOG.warn("{} of {} forced: not checking whether clients hold it in use", action, db.describe());
            return InUseHold.NONE;
        }
        try {
            return tracking.holdExclusive(connection, InUseHolder.self(null), action, config.lockTimeout());
        } catch (SQLException e) {
            throw new GodwitException("Could not check whether " + db.describe() + " is in use: " + e.getMessage(), e);
        }
    }

    /** Who holds the store in use now; empty for a database that cannot tell. Reads only. */
    public static List<String> holders(GodwitConfiguration config) {
        if (!(config.database() instanceof InUseTracking tracking)) {
            return List.of();
        }
        try {
            return tracking.holders();
        } catch (SQLException e) {
            throw new GodwitException("Could not read who holds " + config.database().describe() + " in use: " + e.getMessage(), e);
        }
    }

    /** Every subsystem's applied migrations are known to this code and unchanged. */
    private static void checkKnown(GodwitConfiguration config) {
        Database db = config.database();
        SourceCatalog catalog = SourceCatalog.load(config.subsystems(), db.scope(), config.hashAlgorithm());
        try {
            Optional<Connection> existing = db.openForReading();
            if (existing.isEmpty()) {
                return;
            }
            try (Connection c = existing.get()) {
                History history = History.read(db, c);
                for (String subsystem : catalog.subsystems()) {
                    SequenceCheck.pending(subsystem, history.applied(subsystem), catalog.migrations(subsystem), config.hashAlgorithm());
                }
            }
        } catch (SQLException e) {
            throw new GodwitException("Could not read the history of " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    /** A change's hold taken part-way through a run (once it knows it will change something) and released with it. */
    public static final class Deferred implements AutoCloseable {
        private final GodwitConfiguration config;
        private InUseHold hold = InUseHold.NONE;

        public Deferred(GodwitConfiguration config) {
            this.config = config;
        }

        public void take(Connection connection, String action) {
            hold = change(config, connection, action);
        }

        @Override
        public void close() {
            hold.close();
        }
    }
}
