package io.godwit.server;

import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.RecordsJson;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static io.godwit.server.ApiResponse.NODES;

/**
 * The records of a collection addressed by id: add (201), update, upsert, delete ({@code {"deleted": N}}),
 * get, query, count. A batch over the store's {@code max_batch_size} is refused before the store sees it;
 * the store's part of a get or query waits for its turn ({@link Admission}). The collection is addressed
 * through kept handles ({@link CollectionHandles}): no lookup of its own before each call.
 */
final class RecordRoutes {
    private static final String COLLECTION = CollectionRoutes.COLLECTIONS + "/{collection}";

    private final StoreClient store;
    private final Admission reads;
    private final CollectionHandles handles;

    /** @param reads admits the store's part of each get and query */
    RecordRoutes(StoreClient store, Admission reads) {
        this.store = store;
        this.reads = reads;
        this.handles = new CollectionHandles(store);
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", COLLECTION + "/add", "Adds records {ids, embeddings, documents?, metadatas?, uris?};"
                        + " an id already present is left unchanged", false, r -> write(r, StoreCollection::add, 201)),
                new Route("POST", COLLECTION + "/update", "Updates the fields given of records present", false,
                        r -> write(r, StoreCollection::update, 200)),
                new Route("POST", COLLECTION + "/upsert", "Adds or replaces records", false,
                        r -> write(r, StoreCollection::upsert, 200)),
                new Route("POST", COLLECTION + "/delete", "Deletes records by ids, where, where_document", false,
                        this::delete),
                new Route("POST", COLLECTION + "/get", "Records by ids and/or filters, with limit, offset, include",
                        false, this::get),
                new Route("POST", COLLECTION + "/query", "Nearest neighbours of query_embeddings (n_results, ids, where,"
                        + " where_document, include)", false, this::query),
                new Route("GET", COLLECTION + "/count", "How many records", false,
                        r -> ApiResponse.ok(NODES.numberNode(on(r, StoreCollection::count)))));
    }

    private <T> T on(ApiRequest r, Function<StoreCollection, T> call) {
        return handles.with(r, "collection", call);
    }

    private ApiResponse write(ApiRequest r, BiConsumer<StoreCollection, RecordBatch> op, int status) {
        RecordBatch batch = RecordsJson.batch(r.body());
        checkBatch(batch.size());
        on(r, c -> {
            op.accept(c, batch);
            return null;
        });
        return new ApiResponse(status, NODES.objectNode());
    }

    private ApiResponse delete(ApiRequest r) {
        DeleteRequest request = RecordsJson.delete(r.body());
        if (request.ids() != null) {
            checkBatch(request.ids().size());
        }
        long deleted = on(r, c -> c.delete(request));
        return ApiResponse.ok(NODES.objectNode().put("deleted", deleted));
    }

    private ApiResponse get(ApiRequest r) {
        GetRequest request = RecordsJson.get(r.body());
        return ApiResponse.ok(RecordsJson.writeGetResult(on(r, c -> reads.run(() -> c.get(request)))));
    }

    private ApiResponse query(ApiRequest r) {
        QueryRequest request = RecordsJson.query(r.body());
        if (request.queryEmbeddings() != null) {
            checkBatch(request.queryEmbeddings().size());
        }
        return ApiResponse.ok(RecordsJson.writeQueryResult(on(r, c -> reads.run(() -> c.query(request)))));
    }

    private void checkBatch(int size) {
        int max = store.settings().maxBatchSize();
        if (size > max) {
            throw ApiError.invalid("The batch holds " + size + " records, more than this server's max_batch_size of "
                    + max + "; split it into batches of at most " + max);
        }
    }
}
