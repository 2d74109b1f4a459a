package io.godwit.store.vector;

import io.godwit.internal.Log;
import java.lang.reflect.Method;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;

/**
 * How Lucene's concurrent builder shares a bulk between its threads. Each thread takes the next
 * 2,048 ordinals, counted from 0 and aligned there, so a bulk of 2,500 new nodes after 20,000 falls
 * into pieces of 480 and 2,020 (two threads, one idle most of the time) and a bulk under 2,048 often
 * into one piece (one thread). Under a query load that halves the indexer's share of the cores
 * (measured: `InProcessLoad`, README "How a query is answered"). Lucene sizes the pieces in a
 * package-private method; it is called by reflection, and where that is refused (Lucene on the module
 * path, not opened) the builder keeps its 2,048, slower but the same graph.
 */
final class WorkShares {
    private static final Log LOG = Log.get(WorkShares.class);
    /** The least piece: each costs a shared counter's increment, and the pieces below the bulk are skipped. */
    static final int MIN_PIECE = 64;
    private static final Method SET_BATCH_SIZE = find();

    private WorkShares() {
    }

    /** The piece for {@code nodes} new nodes on {@code threads} threads: about four pieces per thread. */
    static int piece(int nodes, int threads) {
        return Math.max(MIN_PIECE, (nodes + 4 * threads - 1) / (4 * threads));
    }

    /** Tells {@code builder} to hand out pieces of {@link #piece} nodes, when Lucene lets it be told. */
    static void split(HnswConcurrentMergeBuilder builder, int nodes, int threads) {
        if (SET_BATCH_SIZE == null) {
            return;
        }
        try {
            SET_BATCH_SIZE.invoke(builder, piece(nodes, threads));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Keeps Lucene's own pieces: the same graph, linked on fewer threads at a time.
        }
    }

    /** True when bulks are split into {@link #piece}s (else Lucene's 2,048). */
    static boolean active() {
        return SET_BATCH_SIZE != null;
    }

    private static Method find() {
        try {
            Method m = HnswConcurrentMergeBuilder.class.getDeclaredMethod("setBatchSize", int.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("vector index: Lucene's concurrent builder keeps its own work pieces of 2,048 nodes ({})",
                    e.toString());
            return null;
        }
    }
}
