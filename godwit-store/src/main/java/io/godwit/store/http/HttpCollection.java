package io.godwit.store.http;

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
import io.godwit.store.embedding.EmbeddingFunction;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A collection over Chroma's API v2: each call one request to {@code .../collections/{id}/...}.
 * When the handle was made by {@code createCollection} with an embedding function, documents without
 * embeddings and {@code queryTexts} are embedded here, in the client, as Chroma's clients do.
 */
final class HttpCollection implements StoreCollection {
    private final Transport transport;
    private final String path;
    private final CollectionJson.Description description;
    private final EmbeddingFunction<?> embeddingFunction;

    HttpCollection(Transport transport, String path, CollectionJson.Description description,
                   EmbeddingFunction<?> embeddingFunction) {
        this.transport = transport;
        this.path = path;
        this.description = description;
        this.embeddingFunction = embeddingFunction;
    }

    @Override
    public UUID id() {
        return description.id();
    }

    @Override
    public String name() {
        return description.name();
    }

    @Override
    public String tenant() {
        return description.tenant();
    }

    @Override
    public String database() {
        return description.database();
    }

    @Override
    public Map<String, Object> metadata() {
        return description.metadata();
    }

    @Override
    public CollectionConfiguration configuration() {
        return description.configuration();
    }

    @Override
    public Optional<Integer> dimension() {
        return Optional.ofNullable(description.dimension());
    }

    @Override
    public void add(RecordBatch records) {
        transport.post(path + "/add", RecordsJson.writeBatch(embedded(records)));
    }

    @Override
    public void upsert(RecordBatch records) {
        transport.post(path + "/upsert", RecordsJson.writeBatch(embedded(records)));
    }

    @Override
    public void update(RecordBatch records) {
        transport.post(path + "/update", RecordsJson.writeBatch(records));
    }

    /** How many records were deleted; 0 from a server that does not say (Chroma 1.0 answers {@code {}}). */
    @Override
    public long delete(DeleteRequest request) {
        return transport.post(path + "/delete", RecordsJson.writeDelete(request)).path("deleted").asLong(0);
    }

    @Override
    public GetResult get(GetRequest request) {
        return RecordsJson.readGetResult(transport.post(path + "/get", RecordsJson.writeGet(request)));
    }

    @Override
    public GetResult peek(int limit) {
        return get(GetRequest.all().limit(limit).include(EnumSet.of(Include.EMBEDDINGS, Include.DOCUMENTS,
                Include.METADATAS)));
    }

    @Override
    public QueryResult query(QueryRequest request) {
        List<float[]> vectors = request.queryEmbeddings();
        if (vectors == null) {
            vectors = embed(request.queryTexts(), "queryTexts");
        }
        return RecordsJson.readQueryResult(transport.post(path + "/query", RecordsJson.writeQuery(request, vectors)));
    }

    @Override
    public long count() {
        return transport.get(path + "/count").asLong();
    }

    @Override
    public void modify(CollectionChange change) {
        transport.put(path, CollectionJson.writeChange(change));
    }

    private RecordBatch embedded(RecordBatch records) {
        if (records.embeddings() != null || records.documents() == null || embeddingFunction == null) {
            return records;
        }
        return records.embeddings(embed(records.documents(), "documents"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<float[]> embed(List<?> inputs, String field) {
        if (inputs == null) {
            throw StoreException.invalid("query_embeddings: missing; give query embeddings or " + field);
        }
        if (embeddingFunction == null) {
            throw StoreException.invalid(field + ": collection " + name() + " has no embedding function in this"
                    + " client; pass embeddings, or create the handle with createCollection(... embeddingFunction(f))");
        }
        return ((EmbeddingFunction) embeddingFunction).embed(inputs);
    }
}
