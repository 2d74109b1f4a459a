package io.godwit.store;

import java.util.Map;

/**
 * A collection's index configuration with Chroma's names and defaults ({@link #defaults()}: l2,
 * ef_construction 100, ef_search 100, max_neighbors 16, resize_factor 1.2, sync_threshold 1000,
 * batch_size 100), plus the embedding-function descriptor stored as given (Chroma's
 * {@code {"type": "known", "name": ..., "config": {...}}}; null when none).
 *
 * <p>From a request it comes either from a configuration object ({@code {"hnsw": {...}}}) or, when
 * none is given, from Chroma's {@code hnsw:*} metadata keys ({@code hnsw:space},
 * {@code hnsw:construction_ef}, {@code hnsw:search_ef}, {@code hnsw:M}, {@code hnsw:sync_threshold},
 * {@code hnsw:batch_size}, {@code hnsw:resize_factor}), which also stay in the metadata.
 */
public record CollectionConfiguration(Space space, int efConstruction, int efSearch, int maxNeighbors,
                                      double resizeFactor, int syncThreshold, int batchSize,
                                      Map<String, Object> embeddingFunction) {

    public static CollectionConfiguration defaults() {
        return new CollectionConfiguration(Space.L2, 100, 100, 16, 1.2, 1000, 100, null);
    }

    public CollectionConfiguration withSpace(Space value) {
        return new CollectionConfiguration(value, efConstruction, efSearch, maxNeighbors, resizeFactor, syncThreshold,
                batchSize, embeddingFunction);
    }

    public CollectionConfiguration withEfConstruction(int value) {
        return new CollectionConfiguration(space, value, efSearch, maxNeighbors, resizeFactor, syncThreshold, batchSize,
                embeddingFunction);
    }

    public CollectionConfiguration withEfSearch(int value) {
        return new CollectionConfiguration(space, efConstruction, value, maxNeighbors, resizeFactor, syncThreshold,
                batchSize, embeddingFunction);
    }

    public CollectionConfiguration withMaxNeighbors(int value) {
        return new CollectionConfiguration(space, efConstruction, efSearch, value, resizeFactor, syncThreshold,
                batchSize, embeddingFunction);
    }

    public CollectionConfiguration withSyncThreshold(int value) {
        return new CollectionConfiguration(space, efConstruction, efSearch, maxNeighbors, resizeFactor, value,
                batchSize, embeddingFunction);
    }

    public CollectionConfiguration withBatchSize(int value) {
        return new CollectionConfiguration(space, efConstruction, efSearch, maxNeighbors, resizeFactor, syncThreshold,
                value, embeddingFunction);
    }

    public CollectionConfiguration withEmbeddingFunction(Map<String, Object> value) {
        return new CollectionConfiguration(space, efConstruction, efSearch, maxNeighbors, resizeFactor, syncThreshold,
                batchSize, value);
    }
}
