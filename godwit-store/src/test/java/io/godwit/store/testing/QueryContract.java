package io.godwit.store.testing;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** query: exact distances per space (Chroma's), nearest first, ties in insertion order, nested per query embedding. */
public interface QueryContract extends ContractFixture {

    @Test
    default void l2QueriesAnswerSquaredDistancesNearestFirstOnePerQuery() {
        StoreCollection books = books();
        QueryResult r = books.query(QueryRequest.embeddings(List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0})).nResults(2));
        assertThat(r.ids()).containsExactly(List.of("a", "c"), List.of("b", "c"));
        assertThat(r.distances().get(0).get(0)).isEqualTo(0f);
        assertThat(r.distances().get(0).get(1)).isCloseTo(0.01f + 0.01f + 0.333f * 0.333f, within(1e-6f));
        assertThat(r.distances().get(1).get(0)).isEqualTo(0f);
        assertThat(r.include()).containsExactlyInAnyOrder(Include.DOCUMENTS, Include.METADATAS, Include.DISTANCES);
        assertThat(r.documents().get(0)).containsExactly("the quick fox", "slow brown dog");
        assertThat(r.metadatas().get(1).get(0)).isNull();
        assertThat(r.embeddings()).isNull();
        assertThat(r.uris()).isNull();
    }

    @Test
    default void moreResultsThanRecordsAnswersThemAll() {
        StoreCollection books = books();
        QueryResult r = books.query(QueryRequest.embedding(new float[] {0, 1, 0}).nResults(50)
                .include(Include.EMBEDDINGS, Include.URIS));
        assertThat(r.ids()).containsExactly(List.of("b", "c", "a"));
        assertThat(r.embeddings().get(0).get(0)).containsExactly(0f, 1f, 0f);
        assertThat(r.uris().get(0)).containsExactly(null, null, "s3://a");
        assertThat(r.distances()).isNull();
        assertThat(r.documents()).isNull();
    }

    @Test
    default void idsRestrictTheCandidates() {
        StoreCollection books = books();
        QueryResult r = books.query(QueryRequest.embedding(new float[] {1, 0, 0}).ids(List.of("b", "c", "none")));
        assertThat(r.ids()).containsExactly(List.of("c", "b"));
        QueryResult none = books.query(QueryRequest.embedding(new float[] {1, 0, 0}).ids(List.of("none")));
        assertThat(none.ids()).containsExactly(List.of());
        assertThat(none.distances()).containsExactly(List.of());
    }

    @Test
    default void cosineAndInnerProductAnswerChromasDistances() {
        StoreCollection cosine = client().createCollection(CreateCollection.named("cos")
                .metadata(Map.of("hnsw:space", "cosine")));
        assertThat(cosine.configuration().space()).isEqualTo(Space.COSINE);
        StoreCollection ip = client().createCollection(CreateCollection.named("dot")
                .configuration(CollectionConfiguration.defaults().withSpace(Space.IP)));
        for (StoreCollection c : List.of(cosine, ip)) {
            c.add(RecordBatch.of("x", "y").embeddings(List.of(new float[] {2, 0}, new float[] {1, 1})));
        }
        QueryResult cos = cosine.query(QueryRequest.embedding(new float[] {3, 0}));
        assertThat(cos.ids()).containsExactly(List.of("x", "y"));
        assertThat(cos.distances().get(0).get(0)).isCloseTo(0f, within(1e-6f));
        assertThat(cos.distances().get(0).get(1)).isCloseTo((float) (1 - Math.sqrt(0.5)), within(1e-6f));
        QueryResult dot = ip.query(QueryRequest.embedding(new float[] {0.5f, 1}));
        assertThat(dot.ids()).containsExactly(List.of("y", "x"));
        assertThat(dot.distances().get(0)).containsExactly(1 - 1.5f, 1 - 1f);
    }

    @Test
    default void equalDistancesComeInInsertionOrder() {
        StoreCollection c = collection("ties");
        c.add(RecordBatch.of("m", "k", "z", "a").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1},
                new float[] {-1, 0}, new float[] {0, -1})));
        assertThat(c.query(QueryRequest.embedding(new float[] {0, 0}).nResults(3)).ids())
                .containsExactly(List.of("m", "k", "z"));
    }

    @Test
    default void anEmptyCollectionAnswersEmptyLists() {
        StoreCollection c = collection("empty");
        QueryResult r = c.query(QueryRequest.embeddings(List.of(new float[] {1, 2}, new float[] {3, 4})));
        assertThat(r.ids()).containsExactly(List.of(), List.of());
        assertThat(r.distances()).containsExactly(List.of(), List.of());
    }
}
