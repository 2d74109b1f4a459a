package io.godwit.store.embedding;

import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A collection handle with an embedding function, over any {@link StoreCollection} (in process or
 * over HTTP): writes without embeddings get vectors made from their {@code inputs}, else from their
 * documents; queries without embeddings get vectors made from their {@code queryTexts}. Vectors are
 * made before the call reaches the collection, as Chroma's clients make them, so a call refused
 * for its input writes nothing. Obtained through {@link StoreCollection#withEmbeddingFunction}.
 */
public final class EmbeddedCollection implements StoreCollection {

    private final StoreCollection collection;
    private final EmbeddingFunction<?> function;

    EmbeddedCollection(StoreCollection collection, EmbeddingFunction<?> function) {
        this.collection = collection instanceof EmbeddedCollection e ? e.collection : collection;
        this.function = function;
    }

    /**
     * {@code collection} with {@code function}, after {@link RecordedFunction#check} unless
     * {@code allowOther}.
     */
    public static StoreCollection of(StoreCollection collection, EmbeddingFunction<?> function, boolean allowOther) {
        if (function == null) {
            throw StoreException.invalid("collection '" + collection.name() + "': the embedding function is null");
        }
        if (!allowOther) {
            RecordedFunction.check(collection.name(), collection.configuration().embeddingFunction(), function);
        }
        return new EmbeddedCollection(collection, function);
    }

    public EmbeddingFunction<?> embeddingFunction() {
        return function;
    }

    @Override
    public void add(RecordBatch records) {
        collection.add(embedded("add", records));
    }

    @Override
    public void upsert(RecordBatch records) {
        collection.upsert(embedded("upsert", records));
    }

    @Override
    public void update(RecordBatch records) {
        collection.update(embedded("update", records));
    }

    @Override
    public QueryResult query(QueryRequest request) {
        if (request == null || request.queryEmbeddings() != null || request.queryTexts() == null) {
            return collection.query(request);
        }
        return collection.query(new QueryRequest(embed(request.queryTexts()), null, request.nResults(),
                request.ids(), request.where(), request.whereDocument(), request.include()));
    }

    private RecordBatch embedded(String call, RecordBatch records) {
        if (records == null || records.embeddings() != null) {
            return records;
        }
        List<?> input = records.inputs() != null ? records.inputs() : records.documents();
        if (input == null) {
            return records;
        }
        if (records.ids() != null && input.size() != records.ids().size()) {
            throw StoreException.invalid(call + " in collection '" + collection.name() + "': "
                    + input.size() + (records.inputs() != null ? " inputs" : " documents") + " for "
                    + records.ids().size() + " ids; give one per id");
        }
        return records.embeddings(embed(input));
    }

    private List<float[]> embed(List<?> input) {
        return embedChecked(function, input);
    }

    private static <D> List<float[]> embedChecked(EmbeddingFunction<D> function, List<?> input) {
        return function.embed(EmbeddingInputs.checkedFor(function, input));
    }

    @Override
    public StoreCollection withEmbeddingFunction(EmbeddingFunction<?> other, boolean allowOther) {
        return of(collection, other, allowOther);
    }

    @Override
    public UUID id() {
        return collection.id();
    }

    @Override
    public String name() {
        return collection.name();
    }

    @Override
    public String tenant() {
        return collection.tenant();
    }

    @Override
    public String database() {
        return collection.database();
    }

    @Override
    public Map<String, Object> metadata() {
        return collection.metadata();
    }

    @Override
    public CollectionConfiguration configuration() {
        return collection.configuration();
    }

    @Override
    public Optional<Integer> dimension() {
        return collection.dimension();
    }

    @Override
    public long delete(DeleteRequest request) {
        return collection.delete(request);
    }

    @Override
    public GetResult get(GetRequest request) {
        return collection.get(request);
    }

    @Override
    public GetResult peek(int limit) {
        return collection.peek(limit);
    }

    @Override
    public long count() {
        return collection.count();
    }

    @Override
    public void modify(CollectionChange change) {
        collection.modify(change);
    }

    @Override
    public String toString() {
        return collection + " with embedding function '" + function.name() + "'";
    }
}
