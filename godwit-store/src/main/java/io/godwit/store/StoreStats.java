package io.godwit.store;

import java.util.Map;

/**
 * Sizes of an in-process store at one moment, read in one snapshot by {@link GodwitClient#stats}:
 * what the metrics module's gauges show.
 *
 * @param collections            collections in every tenant and database
 * @param logEntries             entries of the write-ahead log ({@code embeddings_queue}) not yet purged
 * @param logEntriesByCollection the same per collection name (names repeated across databases are
 *                               added up); empty unless asked for
 */
public record StoreStats(long collections, long logEntries, Map<String, Long> logEntriesByCollection) {
    public StoreStats {
        logEntriesByCollection = Map.copyOf(logEntriesByCollection);
    }
}
