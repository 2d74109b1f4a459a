package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitException;
import io.godwit.store.StoreListener;
import java.time.Duration;

/**
 * A store listener that hands every engine event (the migrations a client runs when it opens) to an
 * engine listener; the store's own events are the subclass's. One place for the nine forwards that
 * {@link StoreMetrics} and {@link Listeners}' engine-only adapter share.
 */
abstract class EngineForwarding implements StoreListener {
    private final EngineListener engine;

    EngineForwarding(EngineListener engine) {
        this.engine = engine;
    }

    @Override
    public void runStarted(String database, int pending) {
        engine.runStarted(database, pending);
    }

    @Override
    public void runFinished(String database, int applied, Duration took, GodwitException failure) {
        engine.runFinished(database, applied, took, failure);
    }

    @Override
    public void migrationStarted(String subsystem, int version, String filename) {
        engine.migrationStarted(subsystem, version, filename);
    }

    @Override
    public void migrationApplied(String subsystem, int version, String filename, Duration took) {
        engine.migrationApplied(subsystem, version, filename, took);
    }

    @Override
    public void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
        engine.migrationFailed(subsystem, version, filename, took, error);
    }

    @Override
    public void pending(String subsystem, int count) {
        engine.pending(subsystem, count);
    }

    @Override
    public void lockAcquired(String database, Duration waited) {
        engine.lockAcquired(database, waited);
    }

    @Override
    public void lockTimedOut(String database, Duration waited) {
        engine.lockTimedOut(database, waited);
    }

    @Override
    public void backupTaken(String database, String kind, Duration took, long bytes) {
        engine.backupTaken(database, kind, took, bytes);
    }
}
