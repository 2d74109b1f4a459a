package io.godwit.store.vector;

import io.godwit.store.Space;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours over vectors the graph does not hold: the log's tail not yet indexed,
 * and small filtered candidate sets, where scanning beats a filtered graph search. Distances are
 * Chroma's, as in {@link HnswIndex}. Accumulate with {@link #offer}, then take {@link #result}.
 */
public final class ExactScan {
    private final Space space;
    private final float[] query;
    private final int k;
    private final PriorityQueue<Hit> worstFirst = new PriorityQueue<>(Collections.reverseOrder());

    public ExactScan(Space space, float[] query, int k) {
        this.space = space;
        this.query = Distances.prepare(space, query);
        this.k = k;
    }

    /** Considers one record (its vector as given, not prepared). */
    public void offer(long id, float[] vector) {
        offerDistance(id, Distances.distance(space, query, Distances.prepare(space, vector)));
    }

    /** Considers one record whose vector is already prepared ({@link Distances#prepare}), as the graph holds it. */
    public void offerPrepared(long id, float[] prepared) {
        offerDistance(id, Distances.distance(space, query, prepared));
    }

    /** Considers one record at {@code distance}; allocates only for one that is kept. */
    public void offerDistance(long id, float distance) {
        if (k > 0 && worstFirst.size() == k) {
            Hit worst = worstFirst.peek();
            int c = Float.compare(distance, worst.distance());
            if (c > 0 || c == 0 && id > worst.id()) {
                return;
            }
        }
        offerHit(new Hit(id, distance));
    }

    /** Considers a hit computed elsewhere (e.g. by the graph), keeping the best {@code k}. */
    public void offerHit(Hit hit) {
        if (worstFirst.size() < k) {
            worstFirst.add(hit);
        } else if (hit.compareTo(worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(hit);
        }
    }

    /** The best {@code k} offered, nearest first. */
    public List<Hit> result() {
        List<Hit> out = new ArrayList<>(worstFirst);
        out.sort(null);
        return out;
    }
}
