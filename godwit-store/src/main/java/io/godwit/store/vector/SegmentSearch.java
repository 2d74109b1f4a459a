package io.godwit.store.vector;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * One query over a segment's two parts, called under the segment's read lock (so no entry moves from
 * the tail into the graph meanwhile): the graph, ignoring every record the pending tail holds, and
 * the tail, scanned exactly. Few candidates are scanned exactly instead ({@link SegmentOptions#exactBelow}).
 */
final class SegmentSearch {
    private SegmentSearch() {
    }

    static List<Hit> search(IndexParams params, SegmentOptions options, HnswIndex graph, PendingTail pending, float[] query,
                            int k, Candidates candidates, int efSearch) {
        ExactScan scan = new ExactScan(params.space(), query, k);
        if (candidates != null && candidates.size() <= options.exactBelow()) {
            pending.scanCandidates(scan, graph, candidates);
            return scan.result();
        }
        LongPredicate accept = candidates == null ? id -> !pending.contains(id)
                : id -> candidates.test(id) && !pending.contains(id);
        graph.search(query, k, accept, efSearch).forEach(scan::offerHit);
        pending.scan(scan, candidates);
        List<Hit> hits = scan.result();
        if (hits.size() < k) {
            // The graph could not reach k admitted records (few match, or deletions cut it):
            // scan them all, so that nResults are returned when that many match.
            ExactScan all = new ExactScan(params.space(), query, k);
            graph.scanLive(all, accept);
            pending.scan(all, candidates);
            hits = all.result();
        }
        return hits;
    }
}
