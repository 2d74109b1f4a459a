package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitException;
import io.godwit.store.StoreListener;
import io.godwit.store.StoreOperation;

import java.time.Duration;
import java.util.Objects;

/**
 * Two listeners as one, for a store or an engine that takes one: metrics and spans, say. Each event
 * goes to the first, then the second. Every method of {@link StoreListener} and {@link EngineListener}
 * is passed on: a method added to either must be added here.
 */
public final class Listeners implements StoreListener {
    private final StoreListener first;
    private final StoreListener second;

    private Listeners(StoreListener first, StoreListener second) {
        this.first = first;
        this.second = second;
    }

    /** Both; {@code second} alone when {@code first} is {@link StoreListener#NONE}, and the other way round. */
    public static StoreListener both(StoreListener first, StoreListener second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first == StoreListener.NONE) {
            return second;
        }
        return second == StoreListener.NONE ? first : new Listeners(first, second);
    }

    /** Both engine listeners. */
    public static EngineListener both(EngineListener first, EngineListener second) {
        return both(store(first), store(second));
    }

    private static StoreListener store(EngineListener l) {
        if (l instanceof StoreListener s) {
            return s;
        }
        return l == EngineListener.NONE ? StoreListener.NONE : new EngineOnly(l);
    }

    @Override
    public void operation(StoreOperation kind, String collection, long records, Duration took) {
        first.operation(kind, collection, records, took);
        second.operation(kind, collection, records, took);
    }

    @Override
    public void operationFailed(StoreOperation kind, String collection, Duration took, RuntimeException error) {
        first.operationFailed(kind, collection, took, error);
        second.operationFailed(kind, collection, took, error);
    }

    @Override
    public void indexRebuilt(String collection, String reason, long records, Duration took) {
        first.indexRebuilt(collection, reason, records, took);
        second.indexRebuilt(collection, reason, records, took);
    }

    @Override
    public void collectionGone(String collection) {
        first.collectionGone(collection);
        second.collectionGone(collection);
    }

    @Override
    public void storeReset() {
        first.storeReset();
        second.storeReset();
    }

    @Override
    public void runStarted(String database, int pending) {
        first.runStarted(database, pending);
        second.runStarted(database, pending);
    }

    @Override
    public void runFinished(String database, int applied, Duration took, GodwitException failure) {
        first.runFinished(database, applied, took, failure);
        second.runFinished(database, applied, took, failure);
    }

    @Override
    public void migrationStarted(String subsystem, int version, String filename) {
        first.migrationStarted(subsystem, version, filename);
        second.migrationStarted(subsystem, version, filename);
    }

    @Override
    public void migrationApplied(String subsystem, int version, String filename, Duration took) {
        first.migrationApplied(subsystem, version, filename, took);
        second.migrationApplied(subsystem, version, filename, took);
    }

    @Override
    public void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
        first.migrationFailed(subsystem, version, filename, took, error);
        second.migrationFailed(subsystem, version, filename, took, error);
    }

    @Override
    public void pending(String subsystem, int count) {
        first.pending(subsystem, count);
        second.pending(subsystem, count);
    }

    @Override
    public void lockAcquired(String database, Duration waited) {
        first.lockAcquired(database, waited);
        second.lockAcquired(database, waited);
    }

    @Override
    public void lockTimedOut(String database, Duration waited) {
        first.lockTimedOut(database, waited);
        second.lockTimedOut(database, waited);
    }

    @Override
    public void backupTaken(String database, String kind, Duration took, long bytes) {
        first.backupTaken(database, kind, took, bytes);
        second.backupTaken(database, kind, took, bytes);
    }

    /** An engine listener in a store listener's clothes: the store's events go nowhere. */
    private static final class EngineOnly extends EngineForwarding {
        EngineOnly(EngineListener engine) {
            super(engine);
        }
    }
}
