package io.godwit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.GodwitException;
import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.Include;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.util.ArrayList;
import java.util.Comparator;
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
    private final StoreClient store;

    CollectionsApi(StoreClient store) {
        this.store = store;
    }

    ApiResponse list(ApiRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode collections = body.putArray("collections");
        List<StoreCollection> all = new ArrayList<>(store.listCollections(null, 0));
        all.sort(Comparator.comparing(StoreCollection::name));
        all.forEach(c -> collections.add(Json.collection(c)));
        return ApiResponse.ok(body);
    }

    ApiResponse create(ApiRequest request) {
        CreateCollectionRequest create = CreateCollectionRequest.parse(request.json());
        if (store.getCollection(create.name()).isPresent()) {
            throw collectionExists(create.name());
        }
        try {
            return ApiResponse.created(Json.collection(store.createCollection(CreateCollection.named(create.name()).dimension(create.dimension()).metadata(create.metadata()))));
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

    /** Checks the whole batch first; then writes it in one call, all or nothing. */
    ApiResponse add(ApiRequest request) {
        StoreCollection c = collection(request);
        AddRequest add = AddRequest.parse(request.json());
        add.checkDimension(c.name(), c.dimension());
        List<String> present = c.get(GetRequest.ids(add.ids()).include(java.util.Set.of())).ids();
        if (!present.isEmpty()) {
            throw recordExists(c, present.get(0), 0);
        }
        List<java.util.Map<String, Object>> metadatas = add.metadatas().stream().map(m -> m.isEmpty() ? null : m).toList();
        c.add(RecordBatch.of(add.ids()).embeddings(add.embeddings()).metadatas(new ArrayList<>(metadatas))
                .documents(add.documents()));
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("added", add.ids().size()));
    }

    ApiResponse count(ApiRequest request) {
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("count", collection(request).count()));
    }

    /** The records with the ids asked for, in that order; ids not present are left out. */
    ApiResponse get(ApiRequest request) {
        StoreCollection c = collection(request);
        List<String> ids = JsonFields.strings(request.json(), "ids");
        return ApiResponse.ok(Json.records(c.get(GetRequest.ids(ids).include(Include.EMBEDDINGS, Include.METADATAS,
                Include.DOCUMENTS))));
    }

    /** For each query vector, the ids of its nearest records, nearest first. */
    ApiResponse query(ApiRequest request) {
        StoreCollection c = collection(request);
        QueryRequest query = QueryRequest.parse(request.json());
        query.checkDimension(c.name(), c.dimension());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        for (float[] q : query.queries()) {
            ArrayNode nearest = ids.addArray();
            c.query(io.godwit.store.QueryRequest.embedding(q).nResults(query.nResults())).ids().get(0).forEach(nearest::add);
        }
        return ApiResponse.ok(body);
    }

    private StoreCollection collection(ApiRequest request) {
        String name = request.param("name");
        Optional<StoreCollection> c = store.getCollection(name);
        return c.orElseThrow(() -> ApiError.collectionNotFound(name));
    }

    private static ApiError collectionExists(String name) {
        return ApiError.alreadyExists("Collection " + name + " already exists");
    }

    /** {@code written} records of the batch were added before the clash (a concurrent add won the race). */
    private static ApiError recordExists(StoreCollection c, String id, int written) {
        return ApiError.alreadyExists("Record " + id + " already exists in collection " + c.name()
                + (written == 0 ? "; nothing was added" : "; the " + written + " records before it were added"));
    }
}
