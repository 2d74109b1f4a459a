package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches of at least {@link HnswIndex#BULK_MIN} additions, linked into a fixed-size copy of the
 * graph by Lucene's concurrent builder while the current one answers: recall against exact search (as good as one insertion at a
 * time into the live graph), then batches one insertion at a time
 * (the graph copied back into a growable one), removals and replacements across both, a second
 * bulk over a graph that was read back from its file, and the file's answers equal to the index's.
 */
class BulkBuildTest {
    private static final int DIM = 48;

    @ParameterizedTest
    @EnumSource(Space.class)
    void aBulkThenSmallBatchesKeepRecallAboveNinetyFivePercent(Space space) {
        int n = HnswIndex.BULK_MIN + 1_904;
        Map<Long, float[]> records = HnswIndexTest.unit(HnswIndexTest.records(n + 300, DIM, 21));
        HnswIndex index = new HnswIndex(new IndexParams(space, DIM, 16, 100, 100));
        index.apply(changes(records, 0, n));
        assertThat(index.size()).isEqualTo(n);
        for (long from = n; from < n + 300; from += 100) {
            index.apply(changes(records, from, from + 100)); // one by one, after the bulk
        }
        index.apply(List.of(HnswIndex.Change.remove(5), HnswIndex.Change.remove(n + 5)));
        records.remove(5L);
        records.remove((long) n + 5);
        assertThat(index.ids()).containsExactly(records.keySet().stream().mapToLong(Long::longValue).sorted().toArray());
        assertRecallAsOneByOne(index, space, records);
    }

    @Test
    void aBulkReplacingAndRemovingRecordsAnswersOnlyTheirLatestVectors() {
        Map<Long, float[]> records = HnswIndexTest.records(6_000, DIM, 22);
        HnswIndex index = new HnswIndex(new IndexParams(Space.L2, DIM, 16, 100, 100));
        index.apply(changes(records, 0, HnswIndex.BULK_MIN - 1)); // one by one
        index.apply(changes(records, HnswIndex.BULK_MIN - 1, 1_000));
        List<HnswIndex.Change> bulk = new ArrayList<>(changes(records, 1_000, 6_000));
        float[] far = new float[DIM];
        java.util.Arrays.fill(far, 500f);
        bulk.add(new HnswIndex.Change(7, far));          // replaces a record of the first batch
        bulk.add(HnswIndex.Change.remove(8));           // removes one
        bulk.add(HnswIndex.Change.remove(5_000));       // removes one this bulk added
        index.apply(bulk);
        records.put(7L, far);
        records.remove(8L);
        records.remove(5_000L);
        assertThat(index.size()).isEqualTo(records.size());
        assertThat(index.search(far, 1, null, 100)).singleElement().extracting(Hit::id).isEqualTo(7L);
        assertThat(index.search(records.get(9L), 6_000, null, 6_000)).extracting(Hit::id)
                .doesNotContain(8L, 5_000L).doesNotHaveDuplicates();
        assertRecallAsOneByOne(index, Space.L2, records);
    }

    @Test
    void anIndexReadBackFromItsFileAnswersTheSameAndTakesAnotherBulk(@TempDir Path dir) throws Exception {
        Map<Long, float[]> records = HnswIndexTest.records(2 * HnswIndex.BULK_MIN + 500, DIM, 23);
        IndexParams params = new IndexParams(Space.L2, DIM, 16, 100, 100);
        HnswIndex index = new HnswIndex(params);
        index.apply(changes(records, 0, HnswIndex.BULK_MIN));
        Path file = dir.resolve("index.gwvx");
        IndexHeader header = new IndexHeader(UUID.randomUUID(), 42, params);
        IndexFile.write(file, header, index);
        HnswIndex read = IndexFile.read(file).index();
        for (float[] q : Vectors.clustered(77, 20, DIM, 20)) {
            assertThat(read.search(q, 10, null, 100)).isEqualTo(index.search(q, 10, null, 100));
        }
        read.apply(changes(records, HnswIndex.BULK_MIN, records.size()));
        assertThat(read.size()).isEqualTo(records.size());
        assertRecallAsOneByOne(read, Space.L2, records);
    }

    @Test
    void theIndexerTakesABulkOnlyWhenEnoughIsPending() {
        HnswIndex empty = new HnswIndex(new IndexParams(Space.L2, DIM, 16, 100, 100));
        assertThat(empty.batchSize(HnswIndex.BULK_MIN - 1, 100, 2_500)).isEqualTo(100);
        assertThat(empty.batchSize(HnswIndex.BULK_MIN, 100, 2_500)).isEqualTo(HnswIndex.BULK_MIN);
        assertThat(empty.batchSize(10 * HnswIndex.BULK_MAX, 100, 2_500)).isEqualTo(2_500);
        assertThat(empty.batchSize(10 * HnswIndex.BULK_MAX, 100, 100 * HnswIndex.BULK_MAX)).isEqualTo(HnswIndex.BULK_MAX);
        // a bulk is never smaller than the fewest additions that make one
        assertThat(empty.batchSize(10 * HnswIndex.BULK_MAX, 100, 10)).isEqualTo(HnswIndex.BULK_MIN);
        // a hundredth of the index, when that is more: each bulk copies the graph
        assertThat(HnswIndex.bulkMin(300_000)).isEqualTo(3_000);
        assertThat(HnswIndex.bulkMin(5_000_000)).isEqualTo(HnswIndex.BULK_MAX);
    }

    /**
     * Many bulks, each a tenth of the index (as the indexer takes them while a large load arrives),
     * linked by Lucene's concurrent builder: on three data sets, recall at least 0.9 and as high as
     * one insertion at a time, within 0.02 (the concurrent builder's graphs vary from build to build;
     * one graph of 100,000 once fell 0.02 below; over three seeds the builders' graphs were as good:
     * README, "How the graph is built").
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {24, 25, 26})
    void manyBulksRecallAsOneInsertionAtATime(long seed) {
        Map<Long, float[]> records = HnswIndexTest.records(20_000, DIM, seed);
        HnswIndex index = new HnswIndex(new IndexParams(Space.L2, DIM, 16, 100, 100));
        for (long from = 0; from < records.size(); from += 2_000) {
            index.apply(changes(records, from, from + 2_000));
        }
        HnswIndex oneByOne = new HnswIndex(index.params());
        for (long from = 0; from < records.size(); from += 100) {
            oneByOne.apply(changes(records, from, from + 100));
        }
        assertThat(recall(index, Space.L2, records, 100)).isGreaterThanOrEqualTo(0.9)
                .isGreaterThanOrEqualTo(recall(oneByOne, Space.L2, records, 100) - 0.02);
    }

    private static List<HnswIndex.Change> changes(Map<Long, float[]> records, long from, long to) {
        List<HnswIndex.Change> out = new ArrayList<>();
        for (long id = from; id < to; id++) {
            out.add(new HnswIndex.Change(id, records.get(id)));
        }
        return out;
    }

    /**
     * Recall@10 at least 0.9 at Chroma's defaults, at least 0.95 at ef_search 200, and no more than
     * 0.02 below an index of the same records built one insertion at a time (this data is harder
     * than an embedding model's: both land near 0.94 at the defaults). The margin is 0.02 because
     * Lucene's concurrent builder links a bulk in an order the threads decide: over 36 builds of
     * the bulk-then-batches case it recalled 0.970-0.980 against the one-at-a-time 0.981, so 0.01
     * failed now and then; a builder that really lost recall would still fail.
     */
    private static void assertRecallAsOneByOne(HnswIndex index, Space space, Map<Long, float[]> records) {
        HnswIndex oneByOne = new HnswIndex(index.params());
        List<HnswIndex.Change> all = new ArrayList<>();
        records.forEach((id, v) -> all.add(new HnswIndex.Change(id, v)));
        for (int i = 0; i < all.size(); i += 100) {
            oneByOne.apply(all.subList(i, Math.min(all.size(), i + 100)));
        }
        double got = recall(index, space, records, 100);
        assertThat(got).isGreaterThanOrEqualTo(0.9).isGreaterThanOrEqualTo(recall(oneByOne, space, records, 100) - 0.02);
        assertThat(recall(index, space, records, 200)).isGreaterThanOrEqualTo(0.95);
    }

    private static double recall(HnswIndex index, Space space, Map<Long, float[]> records, int ef) {
        Map<Long, float[]> live = new LinkedHashMap<>(records);
        float[][] queries = Vectors.clustered(99, 100, DIM, 20);
        double sum = 0;
        for (float[] q : queries) {
            List<Hit> got = index.search(q, 10, null, ef);
            assertThat(got).hasSize(10);
            sum += Vectors.recall(Vectors.exact(space, live, q, 10, null), got);
        }
        return sum / queries.length;
    }
}
