package io.godwit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.godwit.store.CollectionScope;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.CollectionJson;

import java.util.List;
import java.util.UUID;

import static io.godwit.server.ApiResponse.NODES;

/**
 * Collections of one tenant and database. As in Chroma, get and delete address a collection by name
 * (although the path parameter is called collection_id there), modify and the record routes by id;
 * {@code by-id/{id}} is Chroma's newer lookup by id.
 */
final class CollectionRoutes {
    static final String COLLECTIONS = TenantRoutes.DATABASE + "/collections";

    private final StoreClient store;

    CollectionRoutes(StoreClient store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", COLLECTIONS, "Creates a collection {name, configuration?, metadata?, get_or_create?}",
                        false, this::create),
                new Route("GET", COLLECTIONS, "Lists collections (limit, offset)", false, this::list),
                new Route("GET", TenantRoutes.DATABASE + "/collections_count", "How many collections", false,
                        r -> ApiResponse.ok(NODES.numberNode(scope(r).countCollections()))),
                new Route("GET", COLLECTIONS + "/by-id/{id}", "A collection by id", false,
                        r -> ApiResponse.ok(CollectionJson.write(byId(store, r, "id")))),
                new Route("GET", COLLECTIONS + "/{collection}", "A collection by name", false, this::get),
                new Route("PUT", COLLECTIONS + "/{collection}", "Modifies a collection by id {new_name?, new_metadata?,"
                        + " new_configuration?}", false, this::modify),
                new Route("DELETE", COLLECTIONS + "/{collection}", "Deletes a collection by name, with its records",
                        false, this::delete));
    }

    static CollectionScope scope(StoreClient store, ApiRequest r) {
        return store.scope(r.param("tenant"), r.param("database"));
    }

    private CollectionScope scope(ApiRequest r) {
        return scope(store, r);
    }

    /** The collection whose id is the path parameter {@code param}: 400 for a malformed id, 404 when absent. */
    static StoreCollection byId(StoreClient store, ApiRequest r, String param) {
        UUID id = CollectionJson.uuid(r.param(param), "the path's collection id");
        return scope(store, r).getCollection(id)
                .orElseThrow(() -> ApiError.notFound("Collection [" + id + "] does not exist"));
    }

    private ApiResponse create(ApiRequest r) {
        return ApiResponse.ok(CollectionJson.write(scope(r).createCollection(CollectionJson.create(r.body()))));
    }

    private ApiResponse list(ApiRequest r) {
        Integer offset = r.queryInt("offset");
        ArrayNode out = NODES.arrayNode();
        scope(r).listCollections(r.queryInt("limit"), offset == null ? 0 : offset)
                .forEach(c -> out.add(CollectionJson.write(c)));
        return ApiResponse.ok(out);
    }

    private ApiResponse get(ApiRequest r) {
        String name = r.param("collection");
        return ApiResponse.ok(CollectionJson.write(scope(r).getCollection(name)
                .orElseThrow(() -> ApiError.notFound("Collection [" + name + "] does not exist"))));
    }

    private ApiResponse modify(ApiRequest r) {
        StoreCollection c = byId(store, r, "collection");
        c.modify(CollectionJson.change(r.body(), c.configuration()));
        return ApiResponse.empty();
    }

    private ApiResponse delete(ApiRequest r) {
        scope(r).deleteCollection(r.param("collection"));
        return ApiResponse.empty();
    }
}
