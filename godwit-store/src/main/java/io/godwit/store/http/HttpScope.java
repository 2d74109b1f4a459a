package io.godwit.store.http;

import io.godwit.store.CollectionScope;
import io.godwit.store.CreateCollection;
import io.godwit.store.StoreCollection;
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

    HttpScope(Transport transport, String tenant, String database, String collections) {
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
        EmbeddingFunction<?> ef = request.embeddingFunction();
        Map<String, Object> descriptor = ef == null ? null : ef.descriptor();
        return handle(transport.post(collections, CollectionJson.writeCreate(request, descriptor)), ef);
    }

    @Override
    public Optional<StoreCollection> getCollection(String name) {
        return HttpGodwitClient.absentOn404(() -> handle(transport.get(collections + "/" + Transport.segment(name)), null));
    }

    /**
     * By Chroma's {@code by-id} route; a server without it (Chroma 1.0 answers 404) is asked for the
     * list instead, so a 404 means absent either way.
     */
    @Override
    public Optional<StoreCollection> getCollection(UUID id) {
        Optional<StoreCollection> found = HttpGodwitClient.absentOn404(
                () -> handle(transport.get(collections + "/by-id/" + id), null));
        if (found.isPresent()) {
            return found;
        }
        return listCollections(null, 0).stream().filter(c -> c.id().equals(id)).findFirst();
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
        transport.delete(collections + "/" + Transport.segment(name));
    }

    private HttpCollection handle(com.fasterxml.jackson.databind.JsonNode body, EmbeddingFunction<?> ef) {
        CollectionJson.Description d = CollectionJson.read(body);
        return new HttpCollection(transport, collections + "/" + d.id(), d, ef);
    }
}
