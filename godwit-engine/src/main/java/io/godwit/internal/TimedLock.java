package io.godwit.internal;

import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.LockTimeoutError;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Takes the migration lock for every caller (migrate, backup, resolve, the locked edits), telling
 * the configured {@link EngineListener} how long it waited and whether it timed out. Without a
 * listener it is exactly {@link Database#lock}.
 */
public final class TimedLock {
    private TimedLock() {
    }

    public static MigrationLock take(GodwitConfiguration config, Connection c) throws SQLException {
        Database db = config.database();
        EngineListener events = config.events();
        if (events == EngineListener.NONE) {
            return db.lock(c, config.lockTimeout());
        }
        long start = System.nanoTime();
        try {
            MigrationLock lock = db.lock(c, config.lockTimeout());
            events.lockAcquired(db.describe(), Duration.ofNanos(System.nanoTime() - start));
            return lock;
        } catch (LockTimeoutError e) {
            events.lockTimedOut(db.describe(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
