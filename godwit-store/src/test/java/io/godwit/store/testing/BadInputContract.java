package io.godwit.store.testing;

import io.godwit.store.CreateCollection;
import io.godwit.store.DeleteRequest;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.godwit.store.testing.ContractFixture.list;
import static io.godwit.store.testing.StoreClientContract.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refusal names the field and the record, and leaves the store as it was. */
public interface BadInputContract extends ContractFixture {
    StoreException.Kind INVALID = StoreException.Kind.INVALID_ARGUMENT;

    private static RecordBatch one(String id, float[] v) {
        return RecordBatch.of(id).embeddings(List.<float[]>of(v));
    }

    @Test
    default void aVectorOfAnotherDimensionIsRefusedNamingTheRecord() {
        StoreCollection books = books();
        refused(books, INVALID, "Collection expecting embedding with dimension of 3, got 2 (add in collection 'books', record 'd')",
                () -> books.add(one("d", new float[] {1, 2})));
        refused(books, INVALID, "dimension of 3, got 2 (upsert", () -> books.upsert(one("a", new float[] {1, 2})));
        refused(books, INVALID, "embedding has dimension 2 but others in this call have 3",
                () -> books.add(RecordBatch.of("e", "f").embeddings(List.of(new float[] {1, 2, 3}, new float[] {1, 2}))));
        refused(books, INVALID, "dimension of 3, got 4", () -> books.query(QueryRequest.embedding(new float[] {1, 2, 3, 4})));
    }

    @Test
    default void idsMustBePresentNonEmptyAndUniqueWithinACall() {
        StoreCollection books = books();
        refused(books, INVALID, "id 'x' appears twice (positions 0 and 2)", () -> books.add(RecordBatch.of("x", "y", "x")
                .embeddings(List.of(new float[] {1, 0, 0}, new float[] {1, 0, 0}, new float[] {1, 0, 0}))));
        refused(books, INVALID, "add in collection 'books': ids is empty", () -> books.add(RecordBatch.of(List.of())
                .embeddings(List.of())));
        refused(books, INVALID, "update in collection 'books': ids are required", () -> books.update(RecordBatch.of((List<String>) null)));
        refused(books, INVALID, "ids[1] is null", () -> books.upsert(RecordBatch.of(list("p", null))
                .embeddings(List.of(new float[] {1, 0, 0}, new float[] {1, 0, 0}))));
        refused(books, INVALID, "2 ids but 1 embeddings", () -> books.add(RecordBatch.of("p", "q")
                .embeddings(List.<float[]>of(new float[] {1, 0, 0}))));
        refused(books, INVALID, "record 'q' has no embedding", () -> books.add(RecordBatch.of("p", "q")
                .embeddings(list(new float[] {1, 0, 0}, null))));
    }

    @Test
    default void nanAndInfiniteValuesAreRefused() {
        StoreCollection books = books();
        refused(books, INVALID, "record 'n': embedding[1] is NaN", () -> books.add(one("n", new float[] {1, Float.NaN, 0})));
        refused(books, INVALID, "embedding[2] is Infinity", () -> books.update(one("a", new float[] {1, 0, Float.POSITIVE_INFINITY})));
        refused(books, INVALID, "record 'n': metadata 'w' is -Infinity", () -> books.add(one("n", new float[] {1, 0, 0})
                .metadatas(List.of(Map.of("w", Double.NEGATIVE_INFINITY)))));
        refused(books, INVALID, "query embedding 0: embedding[0] is NaN",
                () -> books.query(QueryRequest.embedding(new float[] {Float.NaN, 0, 0})));
    }

    @Test
    default void metadataOfAnUnsupportedTypeIsRefusedNamingTheKey() {
        StoreCollection books = books();
        java.util.Map<String, Object> nullValue = new java.util.HashMap<>();
        nullValue.put("gone", null);
        refused(books, INVALID, "record 'n': metadata 'gone' is null", () -> books.add(one("n", new float[] {1, 0, 0})
                .metadatas(List.of(nullValue))));
        refused(books, INVALID, "record 'n': metadata 'nested' is a ", () -> books.add(one("n", new float[] {1, 0, 0})
                .metadatas(List.of(Map.of("nested", Map.of("a", 1))))));
        refused(books, INVALID, "metadata 'mix' mixes strings and integers", () -> books.upsert(one("a", new float[] {1, 0, 0})
                .metadatas(List.of(Map.of("mix", List.of("a", 1))))));
        refused(books, INVALID, "metadata 'none' is an empty list", () -> books.update(RecordBatch.of("a")
                .metadatas(List.of(Map.of("none", List.of())))));
        refused(books, INVALID, "metadata key '$bad'", () -> books.add(one("n", new float[] {1, 0, 0})
                .metadatas(List.of(Map.of("$bad", 1)))));
    }

    @Test
    default void badNamesAreRefusedWithChromasRules() {
        for (String bad : List.of("ab", "-abc", "abc-", "a..b", "192.168.0.1", "has space", "x".repeat(513))) {
            assertThatThrownBy(() -> collection(bad)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.kind()).isEqualTo(INVALID);
                assertThat(e.getMessage()).contains("3-512 characters from [a-zA-Z0-9._-]");
            });
        }
        assertThatThrownBy(() -> client().createTenant("ab")).hasMessage("Tenant name 'ab' is not valid: use at least 3 characters");
        assertThatThrownBy(() -> client().createDatabase("default_tenant", "x"))
                .hasMessage("Database name 'x' is not valid: use at least 3 characters");
        assertThat(client().listCollections(null, 0)).isEmpty();
        assertThat(client().listTenants()).hasSize(1);
    }

    @Test
    default void nResultsMustBeAtLeastOne() {
        StoreCollection books = books();
        for (int n : new int[] {0, -1}) {
            refused(books, INVALID, "nResults must be at least 1, got " + n,
                    () -> books.query(QueryRequest.embedding(new float[] {1, 0, 0}).nResults(n)));
        }
    }

    @Test
    default void javaNullsGetAMessageNotANullPointerException() {
        StoreCollection books = books();
        refused(books, INVALID, "the records are required", () -> books.add(null));
        refused(books, INVALID, "get request is required", () -> books.get(null));
        refused(books, INVALID, "query request is required", () -> books.query(null));
        refused(books, INVALID, "delete request is required", () -> books.delete(null));
        refused(books, INVALID, "give ids, where or where_document", () -> books.delete(new DeleteRequest(null, null, null)));
        refused(books, INVALID, "an empty or absent id list", () -> books.delete(DeleteRequest.ids(List.of())));
        assertThatThrownBy(() -> client().createCollection((CreateCollection) null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("create collection request is required");
        assertThatThrownBy(() -> client().getCollection((String) null)).isInstanceOf(StoreException.class);
    }

    @Test
    default void aBatchLargerThanTheLimitIsRefusedNamingIt() {
        StoreCollection small = openStore(Settings.defaults().withMaxBatchSize(2)).createCollection("small");
        small.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1}, new float[] {2})));
        refused(small, StoreException.Kind.TOO_LARGE, "3 records in one call, more than max_batch_size 2",
                () -> small.add(RecordBatch.of("c", "d", "e").embeddings(List.of(new float[] {1}, new float[] {2}, new float[] {3}))));
    }
}
