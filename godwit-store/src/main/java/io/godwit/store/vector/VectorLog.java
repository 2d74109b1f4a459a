package io.godwit.store.vector;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where a vector segment reads its collection from: the log (the store's {@code embeddings_queue})
 * to catch up, and the records themselves to rebuild. Implemented by the store; the database is the
 * source of truth, the segment a cache of it.
 */
public interface VectorLog {

    /**
     * The collection's entries with a seq_id above {@code seqId}, in seq_id order, at most
     * {@code limit}; empty when there are none. Called before every query (must be cheap when
     * there is nothing new) and while catching up.
     */
    List<LogEntry> after(long seqId, int limit);

    /**
     * The highest seq_id the store has assigned (the log's end; 0 when none). An index file that
     * claims a higher one belongs to a store that was since restored or rolled back: it is rebuilt.
     */
    long lastSeqId();

    /**
     * True when every entry of the collection above {@code seqId} is still in the log (none was
     * purged), so a segment at that position can catch up by reading the log.
     */
    boolean holdsAfter(long seqId);

    /**
     * Every live record of the collection with its vector, as of one consistent moment, and the
     * last seq_id that moment includes (returned). Called only to rebuild.
     */
    long snapshot(BiConsumer<Long, float[]> records);

    /**
     * Every live record's row id ({@code live}) and, for those written after {@code seqId}, its vector
     * ({@code changed}), as of one consistent moment, and the last seq_id that moment includes
     * (returned). Called when the log was purged past the segment's position, to resynchronise. This
     * default reports every record as changed (sound, but it re-indexes them all): the store's log
     * knows each record's last seq_id and reports only those.
     */
    default long changes(long seqId, java.util.function.LongConsumer live, BiConsumer<Long, float[]> changed) {
        return snapshot((id, v) -> {
            live.accept(id);
            changed.accept(id, v);
        });
    }
}
