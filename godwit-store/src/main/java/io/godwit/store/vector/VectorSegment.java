package io.godwit.store.vector;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.StoreListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The nearest-neighbour search of one collection: the seam between the record store and a vector
 * index. Today's implementation is {@link ExactVectorSegment} (an exact scan); the vector-index
 * issue puts an HNSW index behind the same interface.
 *
 * <p><b>Who calls it, when.</b> The store opens one segment per collection through a {@link Factory}
 * the first time the collection is queried in a client, and keeps it until the collection is deleted
 * ({@link #dropped}), its configuration changes or the store is reset (then {@link #close} and a
 * new {@link Factory#open}), or the client closes ({@link #close}). {@link #search} is called once
 * per {@code query} call, from any thread (many at once), on a read connection inside that call's
 * snapshot, after the metadata segment has chosen the candidates (ids, where, whereDocument).
 *
 * <p><b>What is true in the database.</b> Every record of the collection is a row of
 * {@code embeddings} with {@code segment_id = context.metadataSegmentId()}; its {@code id} (stable
 * for the record's life: upsert and update change it in place) is what {@link Neighbour#recordRow}
 * names, and its {@code vector} column holds the vector (little-endian float32). Every write is also
 * appended, in the same transaction, to {@code embeddings_queue} under {@code context.topic()}, in
 * seq_id order (operation 0 add, 1 update, 2 upsert, 3 delete). An implementation that keeps state
 * outside the database records its position in {@code max_seq_id} (its {@code segmentId}, the
 * seq_id it holds and the store {@code epoch}); before it answers it applies the log after that
 * position, and rebuilds from {@code embeddings} when its epoch differs or the log was purged past it
 * (the log is purged only below the lowest position recorded by the collection's segments, so a
 * segment that records its position is never purged past). Every acknowledged write must be found.
 */
public interface VectorSegment extends AutoCloseable {

    /** One result: the record's {@code embeddings.id} and its distance in the collection's space. */
    record Neighbour(long recordRow, float distance) {
    }

    /**
     * What a segment is opened for.
     *
     * @param collection the collection's name, for metrics and log lines only
     * @param listener   the store's listener: a segment that rebuilds its index calls
     *                   {@link StoreListener#indexRebuilt} on it ({@link StoreListener#NONE} when none is set)
     */
    record Context(String segmentId, String metadataSegmentId, String topic, CollectionConfiguration configuration,
                   String epoch, String collection, StoreListener listener) {
        public Context {
            listener = listener == null ? StoreListener.NONE : listener;
        }

        /** Without a name or listener (tests, tools). */
        public Context(String segmentId, String metadataSegmentId, String topic, CollectionConfiguration configuration,
                       String epoch) {
            this(segmentId, metadataSegmentId, topic, configuration, epoch, null, StoreListener.NONE);
        }
    }

    /** Opens segments; one factory per client, chosen when the client opens. */
    @FunctionalInterface
    interface Factory {
        VectorSegment open(Context context);
    }

    /**
     * The {@code k} nearest records to each query vector (all of the collection's dimension), nearest
     * first, ties broken by the smaller {@code recordRow}; fewer when there are fewer records.
     * {@code candidates} null means every record; otherwise only those rows (sorted ascending) may
     * be returned.
     */
    List<List<Neighbour>> search(Connection reader, List<float[]> queries, int k, long[] candidates) throws SQLException;

    /**
     * The last seq_id the segment's index holds (queries scan exactly what comes after it), or -1
     * when the segment keeps nothing of its own and so never lags (an exact scan). For
     * {@link io.godwit.store.IndexStatus}; cheap, from any thread.
     */
    default long indexedSeqId() {
        return -1;
    }

    /**
     * The lowest seq_id after which this segment still needs the log in this process (it has read
     * everything up to it), or {@code Long.MAX_VALUE} when it needs none: the store's log purge in
     * this process never deletes past it.
     */
    default long heldSeqId() {
        return Long.MAX_VALUE;
    }

    /**
     * A write of this client just committed (called after the commit, outside every lock, from the
     * writer's thread): the collection's log after seq_id {@code after} up to {@code last} is exactly
     * {@code entries}, in seq_id order (a vector, or null for a delete; entries that leave the vector as
     * it was are left out; the vectors are the segment's own). A segment may take them without reading
     * the log back, and may keep the writer waiting, bounded, while it is too far behind; it must still
     * read the log before answering (other processes write too).
     */
    default void logged(long after, long last, List<LogEntry> entries) {
    }

    /** The collection was deleted: remove whatever the segment keeps outside the database. */
    default void dropped() {
    }

    /** Releases what the segment holds in memory; called once. */
    @Override
    default void close() {
    }
}
