package io.godwit.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The collection calls of one tenant and database: Chroma's
 * {@code /tenants/{tenant}/databases/{database}/collections} routes. NOT_FOUND when the tenant or
 * database does not exist.
 */
public interface CollectionScope {

    String tenant();

    String database();

    /**
     * Creates a collection. ALREADY_EXISTS when the database has one of that name, unless
     * {@link CreateCollection#getOrCreate()}: then the existing one is returned unchanged (as
     * Chroma does: the metadata and configuration given are ignored).
     */
    StoreCollection createCollection(CreateCollection request);

    Optional<StoreCollection> getCollection(String name);

    /** The collection with this id, wherever it lives within this scope. */
    Optional<StoreCollection> getCollection(UUID id);

    /** Collections in creation order; {@code limit} null means all. */
    List<StoreCollection> listCollections(Integer limit, int offset);

    long countCollections();

    /** Deletes the collection with its records, log entries and vector index; NOT_FOUND when absent. */
    void deleteCollection(String name);
}
