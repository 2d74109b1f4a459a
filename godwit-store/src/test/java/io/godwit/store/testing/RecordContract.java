package io.godwit.store.testing;

import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.godwit.store.testing.ContractFixture.list;
import static org.assertj.core.api.Assertions.assertThat;

/** add, upsert, update, delete, get, peek and count, with Chroma's semantics and orders. */
public interface RecordContract extends ContractFixture {

    @Test
    default void recordsReadBackWithEveryFieldInInsertionOrder() {
        StoreCollection books = books();
        GetResult r = books.get(GetRequest.ids("c", "missing", "a", "b").include(Include.EMBEDDINGS, Include.DOCUMENTS,
                Include.METADATAS, Include.URIS));
        assertThat(r.ids()).containsExactly("a", "b", "c");
        assertThat(r.embeddings().get(0)).containsExactly(1f, 0f, 0f);
        assertThat(r.embeddings().get(2)).containsExactly(0.9f, 0.1f, 0.333f);
        assertThat(r.documents()).containsExactly("the quick fox", null, "slow brown dog");
        assertThat(r.metadatas().get(0)).isEqualTo(Map.of("author", "ann", "year", 2001L, "score", 0.5, "new", true));
        assertThat(r.metadatas().get(1)).isNull();
        assertThat(r.metadatas().get(2)).isEqualTo(Map.of("author", "cy", "tags", List.of("x", "y")));
        assertThat(r.uris()).containsExactly("s3://a", null, null);
        assertThat(books.count()).isEqualTo(3);
        assertThat(books.dimension()).isEmpty();
        assertThat(client().getCollection("books").orElseThrow().dimension()).contains(3);
    }

    @Test
    default void includeSelectsTheListsAndTheOthersAreNull() {
        StoreCollection books = books();
        GetResult byDefault = books.get(GetRequest.all());
        assertThat(byDefault.include()).containsExactlyInAnyOrder(Include.DOCUMENTS, Include.METADATAS);
        assertThat(byDefault.embeddings()).isNull();
        assertThat(byDefault.uris()).isNull();
        assertThat(byDefault.documents()).hasSize(3);
        GetResult idsOnly = books.get(GetRequest.all().include(java.util.Set.of()));
        assertThat(idsOnly.ids()).containsExactly("a", "b", "c");
        assertThat(idsOnly.documents()).isNull();
        assertThat(idsOnly.metadatas()).isNull();
        GetResult peek = books.peek(2);
        assertThat(peek.ids()).containsExactly("a", "b");
        assertThat(peek.embeddings()).hasSize(2);
        assertThat(peek.metadatas()).hasSize(2);
    }

    @Test
    default void getPagesInInsertionOrder() {
        StoreCollection c = collection("paged");
        for (int batch = 0; batch < 3; batch++) {
            List<String> ids = new java.util.ArrayList<>();
            List<float[]> vectors = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add("z" + (29 - batch * 10 - i));
                vectors.add(new float[] {batch, i});
            }
            c.add(RecordBatch.of(ids).embeddings(vectors));
        }
        assertThat(c.count()).isEqualTo(30);
        assertThat(c.get(GetRequest.all().limit(3).offset(9)).ids()).containsExactly("z20", "z19", "z18");
        assertThat(c.get(GetRequest.all().offset(28)).ids()).containsExactly("z1", "z0");
        assertThat(c.get(GetRequest.all().limit(0)).ids()).isEmpty();
        assertThat(c.get(GetRequest.ids("z0", "z29").limit(1)).ids()).containsExactly("z29");
    }

    @Test
    default void addLeavesAnExistingIdUnchangedAndSucceeds() {
        StoreCollection books = books();
        books.add(RecordBatch.of("a", "d").embeddings(List.of(new float[] {9, 9, 9}, new float[] {0, 0, 1}))
                .documents(List.of("replaced?", "new")));
        GetResult r = books.get(GetRequest.ids("a", "d").include(Include.EMBEDDINGS, Include.DOCUMENTS));
        assertThat(r.documents()).containsExactly("the quick fox", "new");
        assertThat(r.embeddings().get(0)).containsExactly(1f, 0f, 0f);
        assertThat(books.count()).isEqualTo(4);
    }

    @Test
    default void updateChangesTheGivenFieldsSkipsMissingIdsAndNullRemovesAKey() {
        StoreCollection books = books();
        Map<String, Object> change = new HashMap<>();
        change.put("year", null);
        change.put("score", 0.75);
        change.put("tags", List.of(1, 2));
        books.update(RecordBatch.of("a", "nobody").metadatas(list(change, Map.of("x", 1)))
                .documents(list("fox, updated", "ghost")));
        GetResult r = books.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
        assertThat(r.ids()).containsExactly("a", "b", "c");
        assertThat(r.metadatas().get(0)).isEqualTo(Map.of("author", "ann", "score", 0.75, "new", true, "tags", List.of(1L, 2L)));
        assertThat(r.documents().get(0)).isEqualTo("fox, updated");
        assertThat(r.embeddings().get(0)).containsExactly(1f, 0f, 0f);
        books.update(RecordBatch.of("b").embeddings(List.of(new float[] {0, 0, 2})));
        assertThat(books.get(GetRequest.ids("b").include(Include.EMBEDDINGS)).embeddings().get(0)).containsExactly(0f, 0f, 2f);
        assertThat(books.count()).isEqualTo(3);
    }

    @Test
    default void upsertAddsMissingIdsAndUpdatesPresentOnesInPlace() {
        StoreCollection books = books();
        books.upsert(RecordBatch.of("d", "a").embeddings(List.of(new float[] {0, 0, 1}, new float[] {0.5f, 0.5f, 0}))
                .documents(list("dee", null)).metadatas(list(Map.of("k", "v"), Map.of("year", 2002))));
        GetResult r = books.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
        assertThat(r.ids()).containsExactly("a", "b", "c", "d");
        assertThat(r.embeddings().get(0)).containsExactly(0.5f, 0.5f, 0f);
        assertThat(r.documents()).containsExactly("the quick fox", null, "slow brown dog", "dee");
        assertThat(r.metadatas().get(0)).containsEntry("year", 2002L).containsEntry("author", "ann");
        assertThat(r.metadatas().get(3)).isEqualTo(Map.of("k", "v"));
        assertThat(books.count()).isEqualTo(4);
    }

    @Test
    default void deleteByIdsReturnsHowManyWentAndTheRestStays() {
        StoreCollection books = books();
        assertThat(books.delete(DeleteRequest.ids("b", "missing"))).isEqualTo(1);
        assertThat(books.delete(DeleteRequest.ids("b"))).isZero();
        assertThat(books.get(GetRequest.all()).ids()).containsExactly("a", "c");
        assertThat(books.count()).isEqualTo(2);
        books.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {0, 1, 0})));
        assertThat(books.get(GetRequest.all()).ids()).containsExactly("a", "c", "b");
        assertThat(books.get(GetRequest.ids("b")).metadatas()).containsExactly((Map<String, Object>) null);
    }

    @Test
    default void vectorsOf3072DimensionsRoundTripExactly() {
        StoreCollection big = collection("hosted-model");
        List<String> ids = List.of("p", "q", "r");
        List<float[]> vectors = List.of(ContractFixture.vector(3072, 1), ContractFixture.vector(3072, 2),
                ContractFixture.vector(3072, 3));
        big.add(RecordBatch.of(ids).embeddings(vectors));
        GetResult r = big.get(GetRequest.ids("q").include(Include.EMBEDDINGS));
        assertThat(r.embeddings().get(0)).containsExactly(vectors.get(1));
        assertThat(big.query(io.godwit.store.QueryRequest.embedding(vectors.get(2)).nResults(1)).ids())
                .containsExactly(List.of("r"));
    }
}
