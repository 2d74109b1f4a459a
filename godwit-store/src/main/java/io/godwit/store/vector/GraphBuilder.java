package io.godwit.store.vector;

import java.io.IOException;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's graph builder, also over a graph read back from an index file: Lucene opens that
 * constructor to subclasses only. Not thread-safe: {@link HnswIndex} calls it under its write lock.
 */
final class GraphBuilder extends HnswGraphBuilder {
    /** Fixed, so that the same records in the same order give the same graph. */
    static final long SEED = 42;

    private GraphBuilder(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph) throws IOException {
        super(vectors, p.maxNeighbors(), p.efConstruction(), SEED, graph);
    }

    static GraphBuilder over(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph) {
        try {
            return new GraphBuilder(vectors, p, graph);
        } catch (IOException e) {
            throw new IllegalStateException("vector index: cannot start the graph builder", e);
        }
    }

    /** Adds one node whose vector is already in the supplier at that ordinal. */
    void add(int ord) {
        try {
            addGraphNode(ord);
        } catch (IOException e) {
            // Our scorers never do I/O: this would be a programming error.
            throw new IllegalStateException("vector index: adding node " + ord, e);
        }
    }

    OnHeapHnswGraph graph() {
        return hnsw;
    }
}
