package io.godwit.store.http;

import io.godwit.store.CollectionScope;
import io.godwit.store.CreateCollection;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.EmbeddedCollection;
import io.godwit.store.embedding.EmbeddingFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The collection routes of one tenant and database ({@code /api/v2/tenants/T/databases/D/collections}).
 * A collection is addressed by name for get and delete, by id for everything else, as in Chroma.
 */
final class HttpScope implements CollectionScope {
    private final Transport transport;
    private final String tenant;
    private final String database;
    private final String collections;
    private final java.util.function.IntSupplier maxBatchSize;

    HttpScope(Transport transport, String tenant, String database, String collections,
              java.util.function.IntSupplier maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
        this.transport = transport;
        this.tenant = tenant;
        this.database = database;
        this.collections = collections;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public StoreCollection createCollection(CreateCollection request) {
        HttpGodwitClient.requireNonNull(request, "create collection request is required");
        EmbeddingFunction<?> ef = request.embeddingFunction();
        Map<String, Object> descriptor = ef == null ? null : ef.descriptor();
        return handle(transport.post(collections, CollectionJson.writeCreate(request, descriptor)), ef);
    }

    @Override
    public Optional<StoreCollection> getCollection(String name) {
        HttpGodwitClient.requireNonNull(name, "getCollection: the collection name is required (got null)");
        return HttpGodwitClient.absentOn404("Collection [",
                () -> handle(transport.get(collections + "/" + Transport.segment(name)), null));
    }

    /**
     * By Chroma's {@code by-id} route; a server without it (Chroma 1.0 answers a bare 404) is asked
     * for the list instead.
     */
    @Override
    public Optional<StoreCollection> getCollection(UUID id) {
        HttpGodwitClient.requireNonNull(id, "getCollection: the collection id is required (got null)");
        try {
            return HttpGodwitClient.absentOn404("Collection [",
                    () -> handle(transport.get(collections + "/by-id/" + id), null));
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.NOT_FOUND || !e.getMessage().startsWith("HTTP 404")) {
                throw e;
            }
            return listCollections(null, 0).stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    @Override
    public List<StoreCollection> listCollections(Integer limit, int offset) {
        List<StoreCollection> out = new ArrayList<>();
        transport.get(collections + HttpGodwitClient.page(limit, offset)).forEach(c -> out.add(handle(c, null)));
        return out;
    }

    @Override
    public long countCollections() {
        return transport.get(collections.replaceFirst("/collections$", "/collections_count")).asLong();
    }

    @Override
    public void deleteCollection(String name) {
        HttpGodwitClient.requireNonNull(name, "deleteCollection: the collection name is required (got null)");
        transport.delete(collections + "/" + Transport.segment(name));
    }

    /**
     * The collection the server described; with {@code ef}, wrapped to embed in the client after the
     * check that {@code ef} is the function the collection records (a get-or-create of a collection
     * made with another function is refused, as in process).
     */
    private StoreCollection handle(com.fasterxml.jackson.databind.JsonNode body, EmbeddingFunction<?> ef) {
        CollectionJson.Description d = CollectionJson.read(body);
        HttpCollection collection = new HttpCollection(transport, collections + "/" + d.id(), d, maxBatchSize);
        return ef == null ? collection : EmbeddedCollection.of(collection, ef, false);
    }
}
