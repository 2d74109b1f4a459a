package io.godwit.store;

import io.godwit.store.embedding.EmbeddedCollection;
import io.godwit.store.embedding.EmbeddingFunction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A collection of records (id, embedding, document, metadata, uri), as every {@link StoreClient}
 * hands it out. Each write call is one batch and one transaction: it is checked whole first
 * (dimension, types, duplicate ids, filter grammar), and either every record is written and durable
 * when the call returns, or nothing is and a {@link StoreException} names the field and the record.
 *
 * <p>Metadata values are {@code String}, {@code Long} (any integral type is accepted),
 * {@code Double} (float or double), {@code Boolean}, or a {@code List} of one of those types; they
 * read back as {@code String}, {@code Long}, {@code Double}, {@code Boolean} and {@code List}.
 *
 * <p>A handle reads the collection's current state from the store on each call; {@link #name()},
 * {@link #metadata()}, {@link #configuration()} and {@link #dimension()} are as of when the handle
 * was obtained (call {@link CollectionScope#getCollection(UUID)} again for fresh values).
 */
public interface StoreCollection {

    UUID id();

    String name();

    String tenant();

    String database();

    /** The collection's own metadata; empty when none was given (Chroma answers {@code null}). */
    Map<String, Object> metadata();

    CollectionConfiguration configuration();

    /** The vector length the collection holds; empty until the first vector fixes it. */
    Optional<Integer> dimension();

    /**
     * Adds records. An id already present is left unchanged and the call succeeds (as Chroma does).
     * Embeddings are required unless the collection has an embedding function and documents are given.
     */
    void add(RecordBatch records);

    /**
     * Adds the records whose id is absent and updates those present, as Chroma does: the given fields
     * replace theirs (vector, document, uri) and the metadata is merged key by key, as {@link #update}.
     */
    void upsert(RecordBatch records);

    /**
     * Updates the fields given (any subset); ids not present are skipped (as Chroma does). A metadata
     * value {@code null} removes that key; a metadata map {@code null} leaves metadata unchanged.
     */
    void update(RecordBatch records);

    /** Deletes by ids, by filters, or both (AND); returns how many records were deleted. */
    long delete(DeleteRequest request);

    GetResult get(GetRequest request);

    /** The first {@code limit} records in insertion order, with embeddings, documents and metadatas. */
    GetResult peek(int limit);

    QueryResult query(QueryRequest request);

    long count();

    /**
     * Renames the collection, replaces its metadata and/or changes its configuration (fields left
     * null stay as they are). A new space or new index parameters rebuild the collection's index.
     */
    void modify(CollectionChange change);

    /**
     * This collection with an embedding function: documents (or {@link RecordBatch#inputs}) given
     * without embeddings are embedded, and so are {@link QueryRequest#queryTexts()}. Refused
     * (INVALID_ARGUMENT) when the collection records another function (another name or config), since
     * vectors of different functions do not compare; a collection that records none takes any.
     */
    default StoreCollection withEmbeddingFunction(EmbeddingFunction<?> function) {
        return withEmbeddingFunction(function, false);
    }

    /**
     * As {@link #withEmbeddingFunction(EmbeddingFunction)}; {@code allowOtherEmbeddingFunction} skips
     * the check, for a caller who knows the functions agree. The recorded function is left as it is.
     */
    default StoreCollection withEmbeddingFunction(EmbeddingFunction<?> function, boolean allowOtherEmbeddingFunction) {
        return EmbeddedCollection.of(this, function, allowOtherEmbeddingFunction);
    }
}
