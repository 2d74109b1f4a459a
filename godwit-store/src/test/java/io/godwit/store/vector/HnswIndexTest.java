package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The graph against exact search on seeded clustered data: recall floors, filters, replace and remove. */
class HnswIndexTest {
    private static final int N = 3_000;
    private static final int DIM = 48;

    @ParameterizedTest
    @EnumSource(Space.class)
    void recallAtTenIsAtLeastNinetyFivePercentAtChromasDefaults(Space space) {
        // ip on unit vectors, as embedding models give them: on arbitrary vectors an inner product
        // is no metric and HNSW (hnswlib's as well) loses recall.
        Map<Long, float[]> records = space == Space.IP ? unit(records(N, DIM, 7)) : records(N, DIM, 7);
        HnswIndex index = indexOf(space, records);
        float[][] queries = Vectors.clustered(99, 100, DIM, 20);
        double sum = 0;
        for (float[] q : queries) {
            List<Hit> got = index.search(q, 10, null, 100);
            List<Hit> want = Vectors.exact(space, records, q, 10, null);
            assertThat(got).hasSize(10);
            sum += Vectors.recall(want, got);
        }
        assertThat(sum / queries.length).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest
    @EnumSource(Space.class)
    void aFilterNeverLetsANonMatchingIdThroughAndFindsTheMatchingNearest(Space space) {
        Map<Long, float[]> records = unit(records(N, DIM, 8));
        HnswIndex index = indexOf(space, records);
        LongPredicate onePercent = id -> id % 100 == 17;
        double sum = 0;
        for (float[] q : Vectors.clustered(98, 30, DIM, 20)) {
            List<Hit> got = index.search(q, 10, onePercent, 100);
            assertThat(got).allMatch(h -> onePercent.test(h.id()));
            sum += Vectors.recall(Vectors.exact(space, records, q, 10, onePercent), got);
        }
        assertThat(sum / 30).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aRemovedRecordIsNeverReturnedAndAReplacedOneAnswersWithItsNewVector() {
        Map<Long, float[]> records = records(500, 8, 9);
        HnswIndex index = indexOf(Space.L2, records);
        float[] q = records.get(10L);
        index.apply(List.of(HnswIndex.Change.remove(10)));
        assertThat(index.search(q, 500, null, 500)).extracting(Hit::id).doesNotContain(10L);
        assertThat(index.contains(10)).isFalse();

        float[] far = new float[8];
        java.util.Arrays.fill(far, 1000f);
        index.apply(List.of(new HnswIndex.Change(20, far)));
        List<Hit> nearFar = index.search(far, 1, null, 100);
        assertThat(nearFar.get(0).id()).isEqualTo(20L);
        assertThat(nearFar.get(0).distance()).isZero();
        assertThat(index.search(records.get(20L), 500, null, 500)).filteredOn(h -> h.id() == 20L)
                .singleElement().extracting(Hit::distance).isNotEqualTo(0f);
        assertThat(index.size()).isEqualTo(499);
    }

    @Test
    void compactionKeepsExactlyTheLiveRecords() {
        Map<Long, float[]> records = records(3_000, 8, 10);
        HnswIndex index = indexOf(Space.L2, records);
        List<HnswIndex.Change> removals = new ArrayList<>();
        for (long id = 0; id < 2_000; id++) {
            removals.add(HnswIndex.Change.remove(id));
        }
        index.apply(removals);
        assertThat(index.needsCompaction()).isTrue();
        HnswIndex compact = index.compacted();
        assertThat(compact.ids()).isEqualTo(index.ids());
        assertThat(compact.needsCompaction()).isFalse();
        float[] q = records.get(2_500L);
        assertThat(compact.search(q, 1, null, 100).get(0).id()).isEqualTo(2_500L);
    }

    @Test
    void vectorsOf3072DimensionsAreIndexed() {
        Map<Long, float[]> records = records(200, 3072, 11);
        HnswIndex index = indexOf(Space.COSINE, records);
        float[] q = records.get(123L);
        List<Hit> hits = index.search(q, 3, null, 100);
        assertThat(hits.get(0).id()).isEqualTo(123L);
        assertThat(hits.get(0).distance()).isCloseTo(0f, org.assertj.core.api.Assertions.within(1e-5f));
    }

    static Map<Long, float[]> records(int n, int dim, long seed) {
        Map<Long, float[]> out = new LinkedHashMap<>();
        float[][] v = Vectors.clustered(seed, n, dim, 20);
        for (int i = 0; i < n; i++) {
            out.put((long) i, v[i]);
        }
        return out;
    }

    static Map<Long, float[]> unit(Map<Long, float[]> records) {
        records.replaceAll((id, v) -> Distances.prepare(Space.COSINE, v));
        return records;
    }

    static HnswIndex indexOf(Space space, Map<Long, float[]> records) {
        HnswIndex index = new HnswIndex(new IndexParams(space, records.values().iterator().next().length, 16, 100, 100));
        List<HnswIndex.Change> changes = new ArrayList<>();
        records.forEach((id, v) -> changes.add(new HnswIndex.Change(id, v)));
        index.apply(changes);
        return index;
    }
}
