package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named collection of embeddings, as every {@link LegacyStoreClient} hands it out. Metadata values are
 * strings, integers, floats or booleans; they read back as {@code String}, {@code Long},
 * {@code Double} and {@code Boolean}.
 */
public interface LegacyStoreCollection {

    String name();

    /** The vector length the collection holds; empty when any length is accepted. */
    Optional<Integer> dimension();

    /** The collection's own metadata, as given when it was created. */
    Map<String, Object> metadata();

    /** Adds one record; a vector of the wrong dimension is refused, and nothing is written. */
    void add(String recordId, float[] embedding, Map<String, Object> metadata, String document);

    long count();

    /** The record with that id, or empty when there is none. */
    Optional<StoredEmbedding> get(String recordId);

    /** The ids of the {@code k} records nearest to {@code query} by Euclidean distance, nearest first. */
    List<String> query(float[] query, int k);
}
