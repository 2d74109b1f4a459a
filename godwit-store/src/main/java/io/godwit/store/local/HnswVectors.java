package io.godwit.store.local;

import io.godwit.internal.Log;
import io.godwit.store.StoreException;
import io.godwit.store.vector.HnswVectorSegment;
import io.godwit.store.vector.VectorSegment;

import java.nio.file.Path;

/**
 * The store's vector segments: HNSW ({@link HnswVectorSegment}) over the store's log. A persistent
 * client keeps each segment's files in {@code vector/SEGMENT-ID/} of its persist directory and, when
 * it is the folder's writer, records in {@code max_seq_id} the position each index file covers (so
 * the log is kept after it for the next open); ephemeral and PostgreSQL clients keep indexes in
 * memory only ({@code dir} null), each process its own, caught up from the log before each query.
 */
final class HnswVectors {
    /** The folder of the persist directory that holds the segments' folders. */
    static final String FOLDER = "vector";
    private static final Log LOG = Log.get(HnswVectors.class);

    private HnswVectors() {
    }

    /** Segments over {@code connections}' log, their files under {@code persistDir} (null: in memory). */
    static VectorSegment.Factory factory(Connections connections, Path persistDir) {
        return context -> new HnswVectorSegment(context,
                persistDir == null ? null : persistDir.resolve(FOLDER).resolve(context.segmentId()),
                c -> new QueueVectorLog(c, context),
                seqId -> record(connections, context, seqId));
    }

    /** Records the segment's durable position; a failure only costs a longer replay or a rebuild at the next open. */
    private static void record(Connections connections, VectorSegment.Context context, long seqId) {
        try {
            connections.write("record the vector index position", c -> {
                if (Jdbc.update(c, "UPDATE max_seq_id SET seq_id = ?, epoch = ? WHERE segment_id = ?", seqId,
                        context.epoch(), context.segmentId()) == 0) {
                    Jdbc.update(c, "INSERT INTO max_seq_id (segment_id, seq_id, epoch, record_count) SELECT id, ?, ?, 0"
                            + " FROM segments WHERE id = ?", seqId, context.epoch(), context.segmentId());
                }
                return null;
            });
        } catch (StoreException | IllegalStateException e) {
            LOG.warn("vector index {}: could not record its position {} ({}); the log may be purged past it, and the"
                    + " next open then rebuilds it", context.segmentId(), seqId, e.getMessage());
        }
    }
}
