package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.godwit.store.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.DocIdSetIterator;
import org.junit.jupiter.api.Test;

/**
 * How a bulk reports its progress (the writers' room frees by it) and how its nodes are shared
 * between the builder's threads: both lean on how Lucene's concurrent builder uses what it is given,
 * so these fail if a Lucene upgrade changes that.
 */
class BulkProgressTest {
    private static final int DIM = 32;

    @Test
    void theNodesBelowTheBulkArePresentAndEachAskAboutANewOneCounts() {
        AtomicInteger started = new AtomicInteger();
        BulkProgress p = new BulkProgress(100, 150, started);
        assertThat(p.get(0)).isTrue();
        assertThat(p.get(99)).isTrue();
        assertThat(started).hasValue(0);
        assertThat(p.get(100)).isFalse();
        assertThat(p.get(149)).isFalse();
        assertThat(started).hasValue(2);
        assertThat(p.length()).isEqualTo(150);
        assertThat(p.cardinality()).isEqualTo(100);
        assertThat(p.nextSetBit(0)).isZero();
        assertThat(p.nextSetBit(99)).isEqualTo(99);
        assertThat(p.nextSetBit(100)).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
        assertThat(p.prevSetBit(120)).isEqualTo(99);
        assertThat(new BulkProgress(0, 10, started).prevSetBit(5)).isEqualTo(-1);
        assertThatThrownBy(() -> p.set(120)).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * Lucene's builder asks once per node it links, so the count ends at the bulk's size; it stays
     * there after the bulk is published, until the segment has taken the bulk's entries out of its
     * pending tail ({@code linked}, in the same step), so that its writers' room is never counted free twice.
     */
    @Test
    void aBulkCountsEachOfItsNodesOnceUntilTheSegmentHasForgottenThem() {
        Map<Long, float[]> records = HnswIndexTest.records(3_000, DIM, 31);
        HnswIndex index = new HnswIndex(new IndexParams(Space.L2, DIM, 16, 100, 100));
        List<HnswIndex.Change> changes = new ArrayList<>();
        records.forEach((id, v) -> changes.add(new HnswIndex.Change(id, v)));
        index.apply(changes.subList(0, 1_000)); // a bulk too
        assertThat(index.linking()).as("after the first bulk").isEqualTo(1_000);
        index.linked(); // as the segment does after taking a bulk's entries out of its tail
        index.apply(changes.subList(1_000, 3_000)); // a bulk of 2,000 after 1,000
        assertThat(index.size()).isEqualTo(3_000);
        assertThat(index.linking()).as("after the bulk is published").isEqualTo(2_000);
        index.linked();
        assertThat(index.linking()).as("once the segment has forgotten the bulk's entries").isZero();

        // the same count, seen directly: a graph of 1,000 nodes, then a bulk of 2,000 into a fixed copy
        float[][] vectors = records.values().toArray(new float[0][]);
        org.apache.lucene.util.hnsw.RandomVectorScorerSupplier supplier = GraphSearchTest.supplier(vectors);
        IndexParams params = new IndexParams(Space.L2, DIM, 16, 100, 100);
        org.apache.lucene.util.hnsw.OnHeapHnswGraph graph = GraphCopy.create(supplier, params, -1);
        GraphBuilder one = GraphBuilder.over(supplier, params, graph, 0);
        for (int ord = 0; ord < 1_000; ord++) {
            one.add(ord);
        }
        org.apache.lucene.util.hnsw.OnHeapHnswGraph copy = GraphCopy.fixed(graph, 1_000, 3_000, supplier, params);
        AtomicInteger started = new AtomicInteger();
        GraphBuilder.addAll(supplier, params, copy, 1_000, 3_000, started);
        assertThat(started).hasValue(2_000);
        assertThat(copy.size()).isEqualTo(3_000);
    }

    @Test
    void aBulkIsSharedInPiecesOfAboutAQuarterOfAThreadsShare() {
        assertThat(WorkShares.active()).as("Lucene lets the builder's pieces be sized").isTrue();
        assertThat(WorkShares.piece(2_500, 3)).isEqualTo(209);
        assertThat(WorkShares.piece(10_000, 3)).isEqualTo(834);
        assertThat(WorkShares.piece(100, 3)).isEqualTo(WorkShares.MIN_PIECE);
    }
}
