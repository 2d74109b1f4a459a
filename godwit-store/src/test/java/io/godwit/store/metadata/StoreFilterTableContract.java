package io.godwit.store.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filter table through the store API, the real acceptance: every row of
 * {@code filter-cases.json} as {@code get}, {@code query} (nResults above the record count, so the
 * filter alone decides) and {@code delete} (on a fresh copy of the records: it returns the count and
 * leaves exactly the others), on a collection holding {@link FilterDataset} added in one batch.
 * Subclasses give the client (ephemeral, persistent, PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreFilterTableContract {
    private static final int ALL = FilterDataset.RECORDS.size();
    private StoreClient client;
    private StoreCollection collection;
    private int copies;

    abstract StoreClient open() throws Exception;

    @BeforeAll
    void seed() throws Exception {
        client = open();
        collection = seeded("filters");
    }

    @AfterAll
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    static List<FilterCase> cases() {
        return FilterCase.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void get(FilterCase c) {
        GetRequest request = GetRequest.all().where(c.whereMap()).whereDocument(c.whereDocumentMap());
        if (c.error() != null) {
            assertRefused(c, () -> collection.get(request));
            return;
        }
        assertThat(new TreeSet<>(collection.get(request).ids()).toString()).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void query(FilterCase c) {
        QueryRequest request = QueryRequest.embedding(new float[] {0f, 0f}).nResults(ALL + 5)
                .where(c.whereMap()).whereDocument(c.whereDocumentMap());
        if (c.error() != null) {
            assertRefused(c, () -> collection.query(request));
            return;
        }
        assertThat(new TreeSet<>(collection.query(request).ids().get(0)).toString()).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void delete(FilterCase c) {
        if (c.whereMap() == null || c.whereMap().isEmpty()) {
            if (c.whereDocumentMap() == null || c.whereDocumentMap().isEmpty()) {
                return;   // a delete without any filter or ids is a different question
            }
        }
        DeleteRequest request = new DeleteRequest(null, c.whereMap(), c.whereDocumentMap());
        if (c.error() != null) {
            assertRefused(c, () -> collection.delete(request));
            assertThat(collection.count()).as("a refused delete deletes nothing").isEqualTo(ALL);
            return;
        }
        StoreCollection copy = seeded("delete-" + (++copies));
        assertThat(copy.delete(request)).isEqualTo(c.ids().size());
        TreeSet<String> left = new TreeSet<>(copy.get(GetRequest.all()).ids());
        left.retainAll(c.ids());
        assertThat(left).as("deleted records").isEmpty();
        assertThat(copy.count()).isEqualTo(ALL - c.ids().size());
    }

    private StoreCollection seeded(String name) {
        StoreCollection created = client.createCollection(name);
        List<String> ids = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (JsonNode record : FilterDataset.RECORDS) {
            ids.add(record.get("id").asText());
            embeddings.add(new float[] {ids.size(), 0f});
            documents.add(record.get("document").isNull() ? null : record.get("document").asText());
            metadatas.add(metadata(record.get("metadata")));
        }
        created.add(RecordBatch.of(ids).embeddings(embeddings).documents(documents).metadatas(metadatas));
        return created;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode node) {
        return node.isNull() ? null : FilterDataset.JSON.convertValue(node, Map.class);
    }

    private static void assertRefused(FilterCase c, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(StoreException.class).hasMessageContaining(c.error())
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT));
    }
}
