package io.godwit.store.local;

import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.StoreOperation;
import io.godwit.store.embedding.EmbeddingFunction;
import io.godwit.store.embedding.EmbeddingInputs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A collection of an in-process client. The handle holds the collection's row as of when it was got
 * and, when it was created with one, its embedding function; every call re-reads the row in its own
 * transaction, so a handle to a deleted collection answers NOT_FOUND.
 */
public final class LocalCollection implements StoreCollection {
    private final Store store;
    private final CollectionRow row;
    private final EmbeddingFunction<?> function;

    LocalCollection(Store store, CollectionRow row, EmbeddingFunction<?> function) {
        this.store = store;
        this.row = row;
        this.function = function;
    }

    Store store() {
        return store;
    }

    CollectionRow row() {
        return row;
    }

    @Override
    public UUID id() {
        return row.id();
    }

    @Override
    public String name() {
        return row.name();
    }

    @Override
    public String tenant() {
        return row.tenant();
    }

    @Override
    public String database() {
        return row.database();
    }

    @Override
    public Map<String, Object> metadata() {
        return row.metadata();
    }

    @Override
    public CollectionConfiguration configuration() {
        return row.configuration();
    }

    @Override
    public Optional<Integer> dimension() {
        return Optional.ofNullable(row.dimension());
    }

    @Override
    public void add(RecordBatch records) {
        OperationReport.write(store, StoreOperation.ADD, row, size(records), () -> write("add", RecordLog.ADD, records, false));
    }

    @Override
    public void upsert(RecordBatch records) {
        OperationReport.write(store, StoreOperation.UPSERT, row, size(records),
                () -> write("upsert", RecordLog.UPSERT, records, false));
    }

    @Override
    public void update(RecordBatch records) {
        OperationReport.write(store, StoreOperation.UPDATE, row, size(records),
                () -> write("update", RecordLog.UPDATE, records, true));
    }

    private static int size(RecordBatch records) {
        return records == null || records.ids() == null ? 0 : records.ids().size();
    }

    private void write(String call, int operation, RecordBatch records, boolean update) {
        CheckedBatch batch = CheckedBatch.check(call, row.name(), embedded(call, records), store.settings().maxBatchSize(),
                update);
        RecordWriter.write(store, row, operation, batch);
    }

    /**
     * The batch with vectors made from its inputs, else its documents, when it has none and the handle
     * has an embedding function; inputs without a function are refused, naming what is missing.
     */
    private RecordBatch embedded(String call, RecordBatch records) {
        if (records == null || records.embeddings() != null) {
            return records;
        }
        if (function == null) {
            if (records.inputs() != null) {
                throw StoreException.invalid(call + " in collection '" + row.name() + "': inputs need an embedding"
                        + " function, and this collection handle has none; give embeddings, or open the collection"
                        + " withEmbeddingFunction(...)");
            }
            return records;
        }
        if (records.inputs() != null) {
            return records.embeddings(embed(records.inputs()));
        }
        List<String> documents = records.documents();
        if (documents == null) {
            return records;
        }
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null) {
                throw StoreException.invalid(call + " in collection '" + row.name() + "': record '"
                        + records.ids().get(i) + "' has neither an embedding nor a document to embed");
            }
        }
        return records.embeddings(embed(documents));
    }

    private List<float[]> embed(List<?> input) {
        return embedWith(function, input);
    }

    private static <D> List<float[]> embedWith(EmbeddingFunction<D> function, List<?> input) {
        return function.embed(EmbeddingInputs.checkedFor(function, input));
    }

    @Override
    public long delete(DeleteRequest request) {
        return OperationReport.run(store, StoreOperation.DELETE, row, () -> Deletes.delete(store, row, request), n -> n);
    }

    @Override
    public GetResult get(GetRequest request) {
        return OperationReport.run(store, StoreOperation.GET, row, () -> Reads.get(store, row, request),
                result -> result.ids().size());
    }

    @Override
    public GetResult peek(int limit) {
        return get(GetRequest.all().limit(limit).include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
    }

    @Override
    public QueryResult query(QueryRequest request) {
        return OperationReport.run(store, StoreOperation.QUERY, row, () -> search(request),
                result -> result.ids().stream().mapToLong(List::size).sum());
    }

    @SuppressWarnings("unchecked")
    private QueryResult search(QueryRequest request) {
        Names.required("query request", request);
        List<float[]> queries = request.queryEmbeddings();
        if (queries == null) {
            if (request.queryTexts() == null) {
                throw StoreException.invalid("query of collection '" + row.name() + "': query embeddings are missing;"
                        + " give queryEmbeddings (or queryTexts to a collection created with an embedding function)");
            }
            if (function == null) {
                throw StoreException.invalid("query of collection '" + row.name() + "': queryTexts need an embedding"
                        + " function, and this collection handle has none; give queryEmbeddings instead");
            }
            queries = embed(request.queryTexts());
        }
        return Queries.query(store, row, request, queries);
    }

    @Override
    public long count() {
        return OperationReport.run(store, StoreOperation.COUNT, row, () -> Reads.count(store, row), n -> n);
    }

    @Override
    public void modify(CollectionChange change) {
        CollectionChanges.modify(store, row, change);
    }

    @Override
    public String toString() {
        return "collection '" + row.name() + "' (" + row.id() + ") in " + row.tenant() + "/" + row.database();
    }
}
