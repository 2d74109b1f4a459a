package io.godwit.store.local;

import io.godwit.Godwit;
import io.godwit.spi.InUseHold;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;
import io.godwit.store.vector.VectorSegment;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every part of one in-process client shares: its connections (and with them the concurrency
 * model), its settings, and the vector segments it has opened, one per collection.
 */
public final class Store implements AutoCloseable {
    private final Connections connections;
    private final Settings settings;
    private final VectorSegment.Factory vectorFactory;
    private final Map<UUID, VectorSegment> vectors = new ConcurrentHashMap<>();
    private InUseHold inUse = InUseHold.NONE;

    public Store(Connections connections, Settings settings, VectorSegment.Factory vectorFactory) {
        this.connections = connections;
        this.settings = settings;
        this.vectorFactory = vectorFactory;
    }

    /**
     * Marks the store in use by this client (the engine's hold: a migration, restore or rollback by
     * another process waits for it, then refuses naming this process), until {@link #releaseInUse}
     * or {@link #close}. Taken once the client has migrated on open.
     */
    synchronized void holdInUse(Godwit engine) {
        releaseInUse();
        inUse = engine.holdInUse(command());
    }

    synchronized void releaseInUse() {
        InUseHold held = inUse;
        inUse = InUseHold.NONE;
        held.close();
    }

    private static String command() {
        String command = System.getProperty("sun.java.command");
        return command == null || command.isBlank() ? "a Java application" : command;
    }

    public Connections connections() {
        return connections;
    }

    public Settings settings() {
        return settings;
    }

    /** Told of every collection call; {@link StoreListener#NONE} unless the settings name one. */
    public StoreListener listener() {
        return settings.listener();
    }

    public boolean postgres() {
        return connections.postgres();
    }

    /** The collection's vector segment, opened on first use with the store's current epoch. */
    VectorSegment vectors(CollectionRow row, String epoch) {
        return vectors.computeIfAbsent(row.id(), id -> vectorFactory.open(new VectorSegment.Context(row.vectorSegment(),
                row.metadataSegment(), row.topic(), row.configuration(), epoch, row.name(), listener())));
    }

    /** Forgets a collection's segment: deleted ({@code dropped}) or reconfigured (reopened on next use). */
    void forgetVectors(UUID collection, boolean dropped) {
        VectorSegment s = vectors.remove(collection);
        if (s != null) {
            if (dropped) {
                s.dropped();
            }
            s.close();
        }
    }

    void forgetAllVectors(boolean dropped) {
        for (UUID id : vectors.keySet()) {
            forgetVectors(id, dropped);
        }
    }

    @Override
    public void close() {
        try {
            forgetAllVectors(false);
            connections.close();
        } finally {
            releaseInUse();
        }
    }
}
