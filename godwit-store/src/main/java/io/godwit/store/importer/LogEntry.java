package io.godwit.store.importer;

import java.util.Map;

/**
 * One entry of Chroma's write-ahead log ({@code embeddings_queue}): its position, operation,
 * record id, whether it carries a vector (read later, by position, so the log's vectors are
 * never all in memory), and its metadata with Chroma's {@code chroma:document} and
 * {@code chroma:uri} keys; a value null there removes the key (update, upsert).
 */
record LogEntry(long seqId, Operation operation, String id, boolean hasVector, Map<String, Object> metadata) {

    /** Chroma's operation codes in the log. */
    enum Operation {
        ADD, UPDATE, UPSERT, DELETE;

        static Operation of(int code) {
            return code >= 0 && code < values().length ? values()[code] : null;
        }
    }
}
