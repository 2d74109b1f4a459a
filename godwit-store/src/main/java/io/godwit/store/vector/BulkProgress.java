package io.godwit.store.vector;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * The set of nodes a bulk's graph already holds (every ordinal below {@code from}), handed to
 * Lucene's concurrent builder, which asks it once per node before linking that node (and nothing
 * else asks it anything): so it also counts the bulk's nodes whose linking has started. The segment
 * frees its writers' room by that count as the bulk goes, instead of all at once when the bulk is
 * published (README, "How a query is answered": a bounded tail). Read-only: every mutator throws.
 */
final class BulkProgress extends BitSet {
    private static final long BYTES = RamUsageEstimator.shallowSizeOfInstance(BulkProgress.class);

    private final int from;
    private final int length;
    private final AtomicInteger started;

    /** Nodes {@code 0..from-1} present, {@code from..length-1} not; each ask about one of those counts in {@code started}. */
    BulkProgress(int from, int length, AtomicInteger started) {
        this.from = from;
        this.length = length;
        this.started = started;
    }

    @Override
    public boolean get(int index) {
        if (index < from) {
            return true;
        }
        started.incrementAndGet();
        return false;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int cardinality() {
        return from;
    }

    @Override
    public int approximateCardinality() {
        return from;
    }

    @Override
    public int prevSetBit(int index) {
        return from == 0 ? -1 : Math.min(index, from - 1);
    }

    @Override
    public int nextSetBit(int start, int end) {
        return start < Math.min(from, end) ? start : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public long ramBytesUsed() {
        return BYTES;
    }

    @Override
    public void set(int i) {
        throw readOnly();
    }

    @Override
    public boolean getAndSet(int i) {
        throw readOnly();
    }

    @Override
    public void clear(int i) {
        throw readOnly();
    }

    @Override
    public void clear(int startIndex, int endIndex) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("vector index: a bulk's set of present nodes is read-only");
    }
}
