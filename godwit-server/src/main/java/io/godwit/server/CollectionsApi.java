package io.godwit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.GodwitException;
import io.godwit.store.Collection;
import io.godwit.store.GodwitClient;
import io.godwit.store.StoredEmbedding;
import io.godwit.store.http.Wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collection endpoints over one store. Requests are checked here, before the store sees them,
 * so that a bad one is a 400, an unknown collection a 404 and a name or id already taken a 409;
 * what the store itself refuses after that is a 500. The store serializes its own calls, so these
 * methods may run on many threads at once; a check-then-write race (two clients creating the same
 * name) is settled by the database's unique keys, and the loser still gets its 409.
 */
final class CollectionsApi {
    private final GodwitClient store;

    CollectionsApi(GodwitClient store) {
        this.store = store;
    }

    ApiResponse list(ApiRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode collections = body.putArray("collections");
        for (String name : store.listCollections()) {
            store.getCollection(name).ifPresent(c -> collections.add(Json.collection(c)));
        }
        return ApiResponse.ok(body);
    }

    ApiResponse create(ApiRequest request) {
        CreateCollectionRequest create = CreateCollectionRequest.parse(request.json());
        if (store.getCollection(create.name()).isPresent()) {
            throw collectionExists(create.name());
        }
        try {
            return ApiResponse.created(Json.collection(store.createCollection(create.name(), create.dimension(), create.metadata())));
        } catch (GodwitException e) {
            if (store.getCollection(create.name()).isPresent()) {
                throw collectionExists(create.name());
            }
            throw e;
        }
    }

    ApiResponse describe(ApiRequest request) {
        return ApiResponse.ok(Json.collection(collection(request)));
    }

    /** Checks the whole batch first; then writes record by record, each all or nothing. */
    ApiResponse add(ApiRequest request) {
        Collection c = collection(request);
        AddRequest add = AddRequest.parse(request.json());
        add.checkDimension(c.name(), c.dimension());
        for (String id : add.ids()) {
            if (c.get(id).isPresent()) {
                throw recordExists(c, id, 0);
            }
        }
        for (int i = 0; i < add.ids().size(); i++) {
            String id = add.ids().get(i);
            try {
                c.add(id, add.embeddings().get(i), add.metadatas().get(i), add.documents().get(i));
            } catch (GodwitException e) {
                if (c.get(id).isPresent()) {
                    throw recordExists(c, id, i);
                }
                throw e;
            }
        }
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("added", add.ids().size()));
    }

    ApiResponse count(ApiRequest request) {
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("count", collection(request).count()));
    }

    /** The records with the ids asked for, in that order; ids not present are left out. */
    ApiResponse get(ApiRequest request) {
        Collection c = collection(request);
        List<String> ids = JsonFields.strings(request.json(), "ids");
        List<StoredEmbedding> found = new ArrayList<>();
        for (String id : ids) {
            c.get(id).ifPresent(found::add);
        }
        return ApiResponse.ok(Wire.records(found));
    }

    /** For each query vector, the ids of its nearest records, nearest first. */
    ApiResponse query(ApiRequest request) {
        Collection c = collection(request);
        QueryRequest query = QueryRequest.parse(request.json());
        query.checkDimension(c.name(), c.dimension());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        for (float[] q : query.queries()) {
            ArrayNode nearest = ids.addArray();
            c.query(q, query.nResults()).forEach(nearest::add);
        }
        return ApiResponse.ok(body);
    }

    private Collection collection(ApiRequest request) {
        String name = request.param("name");
        Optional<Collection> c = store.getCollection(name);
        return c.orElseThrow(() -> ApiError.collectionNotFound(name));
    }

    private static ApiError collectionExists(String name) {
        return ApiError.alreadyExists("Collection " + name + " already exists");
    }

    /** {@code written} records of the batch were added before the clash (a concurrent add won the race). */
    private static ApiError recordExists(Collection c, String id, int written) {
        return ApiError.alreadyExists("Record " + id + " already exists in collection " + c.name()
                + (written == 0 ? "; nothing was added" : "; the " + written + " records before it were added"));
    }
}
