package io.godwit.store.local;

import io.godwit.Godwit;
import io.godwit.spi.InUseHold;
import io.godwit.store.IndexStatus;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;
import io.godwit.store.vector.VectorSegment;

import java.util.ArrayList;
import java.util.List;
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
    private final Map<UUID, OpenSegment> vectors = new ConcurrentHashMap<>();
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
        OpenSegment open = vectors.get(row.id());
        if (open != null && !open.serves(row, epoch)) {
            // Reconfigured, restored or rolled back by another client since: the segment is stale.
            synchronized (vectors) {
                if (vectors.get(row.id()) == open) {
                    forgetVectors(row.id(), false); // reopening checks its file's epoch and parameters
                }
            }
        }
        return vectors.computeIfAbsent(row.id(), id -> new OpenSegment(row, epoch, vectorFactory.open(
                new VectorSegment.Context(row.vectorSegment(), row.metadataSegment(), row.topic(), row.configuration(),
                        epoch, row.name(), listener())))).segment();
    }

    /**
     * Hands a committed write to the collection's open segment, if it serves that write's epoch and
     * segment (after a restore, rollback or modify the segment reopens and reads the log itself).
     * Called after the commit, outside the write lock: the segment may make the writer wait (bounded).
     */
    void logged(java.util.UUID collection, CommittedWrite write) {
        OpenSegment open = write == null ? null : vectors.get(collection);
        if (open != null && open.epoch().equals(write.epoch()) && open.row().vectorSegment().equals(write.vectorSegment())) {
            open.segment().logged(write.after(), write.last(), write.entries());
        }
    }

    /** The lowest position this client's open segment of {@code collection} still needs from the log. */
    long vectorsHold(UUID collection) {
        OpenSegment s = vectors.get(collection);
        return s == null ? Long.MAX_VALUE : s.segment().heldSeqId();
    }

    /** Each open segment's position beside its collection's log end (one read). */
    public List<IndexStatus> indexStatus() {
        List<OpenSegment> open = new ArrayList<>(vectors.values());
        if (open.isEmpty()) {
            return List.of();
        }
        return connections.read("read the vector index status", c -> {
            List<IndexStatus> out = new ArrayList<>();
            for (OpenSegment s : open) {
                String name = Jdbc.stringValue(c, "SELECT name FROM collections WHERE id = ?", s.row().id().toString());
                if (name == null) {
                    continue; // deleted by another client since
                }
                long log = Jdbc.longValue(c, 0, "SELECT seq_id FROM max_seq_id WHERE segment_id = ?",
                        s.row().metadataSegment());
                long indexed = s.segment().indexedSeqId();
                out.add(new IndexStatus(s.row().id(), name, indexed < 0 ? log : Math.min(indexed, log), log));
            }
            return out;
        });
    }

    /** Forgets a collection's segment: deleted ({@code dropped}) or reconfigured (reopened on next use). */
    void forgetVectors(UUID collection, boolean dropped) {
        OpenSegment open = vectors.remove(collection);
        if (open != null) {
            VectorSegment s = open.segment();
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

    /** A segment and the collection it was opened for. */
    private record OpenSegment(CollectionRow row, String epoch, VectorSegment segment) {
        boolean serves(CollectionRow now, String currentEpoch) {
            return epoch.equals(currentEpoch) && row.configuration().equals(now.configuration())
                    && row.vectorSegment().equals(now.vectorSegment());
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
