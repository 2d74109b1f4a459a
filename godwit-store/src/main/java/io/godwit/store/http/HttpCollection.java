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

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A collection over Chroma's API v2: each call one request to {@code .../collections/{id}/...}.
 * It has no embedding function: {@code createCollection} with one wraps it in an
 * {@link io.godwit.store.embedding.EmbeddedCollection}, which embeds in the client, as Chroma's
 * clients do; here, inputs or {@code queryTexts} without vectors are refused, naming what is
 * missing. As Chroma's clients do too, a batch over the server's {@code max_batch_size} is refused
 * here (TOO_LARGE) before it is sent. A 404 about the collection names it by its name, as the
 * in-process clients do.
 */
final class HttpCollection implements StoreCollection {
    private final Transport transport;
    private final String path;
    private final CollectionJson.Description description;
    private final java.util.function.IntSupplier maxBatchSize;

    HttpCollection(Transport transport, String path, CollectionJson.Description description,
                   java.util.function.IntSupplier maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
        this.transport = transport;
        this.path = path;
        this.description = description;
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
        write("add", checked("add", records));
    }

    @Override
    public void upsert(RecordBatch records) {
        write("upsert", checked("upsert", records));
    }

    @Override
    public void update(RecordBatch records) {
        write("update", checked("update", records));
    }

    private void write(String op, RecordBatch records) {
        named(() -> transport.post(path + "/" + op, RecordsJson.writeBatch(records)));
    }

    private RecordBatch checked(String call, RecordBatch records) {
        HttpGodwitClient.requireNonNull(records, "the records are required");
        if (records.inputs() != null && records.embeddings() == null) {
            throw StoreException.invalid(call + " in collection '" + name() + "': inputs need an embedding function,"
                    + " and this collection handle has none; give embeddings, or open the collection"
                    + " withEmbeddingFunction(...)");
        }
        int max = maxBatchSize.getAsInt();
        if (records.size() > max) {
            throw new StoreException(StoreException.Kind.TOO_LARGE, records.size() + " records in one call, more than"
                    + " max_batch_size " + max + " of the server; split the batch");
        }
        return records;
    }

    /** The call, with a 404 about this collection's id told by its name. */
    private <T> T named(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreException e) {
            String byId = "Collection [" + id() + "]";
            if (e.kind() == StoreException.Kind.NOT_FOUND && e.getMessage().startsWith(byId)) {
                throw new StoreException(e.kind(), "Collection [" + name() + "]" + e.getMessage().substring(byId.length()), e);
            }
            throw e;
        }
    }

    /** How many records were deleted; 0 from a server that does not say (Chroma 1.0 answers {@code {}}). */
    @Override
    public long delete(DeleteRequest request) {
        HttpGodwitClient.requireNonNull(request, "delete request is required");
        return named(() -> transport.post(path + "/delete", RecordsJson.writeDelete(request))).path("deleted").asLong(0);
    }

    @Override
    public GetResult get(GetRequest request) {
        HttpGodwitClient.requireNonNull(request, "get request is required");
        return RecordsJson.readGetResult(named(() -> transport.post(path + "/get", RecordsJson.writeGet(request))));
    }

    @Override
    public GetResult peek(int limit) {
        return get(GetRequest.all().limit(limit).include(EnumSet.of(Include.EMBEDDINGS, Include.DOCUMENTS,
                Include.METADATAS)));
    }

    @Override
    public QueryResult query(QueryRequest request) {
        HttpGodwitClient.requireNonNull(request, "query request is required");
        if (request.queryEmbeddings() == null && request.queryTexts() != null) {
            throw StoreException.invalid("query of collection '" + name() + "': queryTexts need an embedding"
                    + " function, and this collection handle has none; give queryEmbeddings, or open the collection"
                    + " withEmbeddingFunction(...)");
        }
        return RecordsJson.readQueryResult(named(() -> transport.post(path + "/query",
                RecordsJson.writeQuery(request, request.queryEmbeddings()))));
    }

    @Override
    public long count() {
        return named(() -> transport.get(path + "/count")).asLong();
    }

    @Override
    public void modify(CollectionChange change) {
        HttpGodwitClient.requireNonNull(change, "the change is required");
        named(() -> transport.put(path, CollectionJson.writeChange(change)));
    }
}
