package io.godwit.store;

import io.godwit.store.embedding.EmbeddingFunction;

import java.util.Map;

/**
 * A collection to create: its name (Chroma's rules: 3–512 characters of {@code [a-zA-Z0-9._-]},
 * starting and ending with a letter or digit, no {@code ..}, not an IPv4 address), metadata,
 * configuration (null: from the {@code hnsw:*} metadata keys, else {@link CollectionConfiguration#defaults()}),
 * dimension (null: fixed by the first vector), whether an existing collection of that name is
 * returned instead of refused, and the embedding function that turns documents (or any input) into
 * vectors (null: callers bring vectors; its descriptor is recorded in the configuration).
 */
public record CreateCollection(String name, Map<String, Object> metadata, CollectionConfiguration configuration,
                               Integer dimension, boolean getOrCreate, EmbeddingFunction<?> embeddingFunction) {

    public static CreateCollection named(String name) {
        return new CreateCollection(name, null, null, null, false, null);
    }

    public CreateCollection metadata(Map<String, Object> value) {
        return new CreateCollection(name, value, configuration, dimension, getOrCreate, embeddingFunction);
    }

    public CreateCollection configuration(CollectionConfiguration value) {
        return new CreateCollection(name, metadata, value, dimension, getOrCreate, embeddingFunction);
    }

    public CreateCollection dimension(Integer value) {
        return new CreateCollection(name, metadata, configuration, value, getOrCreate, embeddingFunction);
    }

    public CreateCollection getOrCreate(boolean value) {
        return new CreateCollection(name, metadata, configuration, dimension, value, embeddingFunction);
    }

    public CreateCollection embeddingFunction(EmbeddingFunction<?> value) {
        return new CreateCollection(name, metadata, configuration, dimension, getOrCreate, value);
    }
}
