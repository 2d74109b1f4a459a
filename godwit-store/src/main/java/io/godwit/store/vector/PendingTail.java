package io.godwit.store.vector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The log entries a segment has read but its graph does not hold yet: the latest entry per record,
 * kept in seq_id order (a newer entry for a record moves it to the end). Queries scan these exactly
 * and ignore the graph's copy of any record here, so an acknowledged write is searchable at once and
 * an updated or deleted record is never answered stale. Not thread-safe: the segment guards it.
 */
final class PendingTail {
    private final LinkedHashMap<Long, LogEntry> byId = new LinkedHashMap<>();
    private int deletes;

    void put(LogEntry e) {
        LogEntry old = byId.remove(e.recordId());
        if (old != null && old.vector() == null) {
            deletes--;
        }
        byId.put(e.recordId(), e);
        if (e.vector() == null) {
            deletes++;
        }
    }

    /** The oldest {@code n} entries, in seq_id order. */
    List<LogEntry> head(int n) {
        List<LogEntry> out = new ArrayList<>(Math.min(n, byId.size()));
        Iterator<LogEntry> it = byId.values().iterator();
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** Forgets entries now in the graph, unless a newer entry for the same record came meanwhile. */
    void removeApplied(List<LogEntry> applied) {
        for (LogEntry e : applied) {
            LogEntry now = byId.get(e.recordId());
            if (now != null && now.seqId() == e.seqId()) {
                byId.remove(e.recordId());
                if (e.vector() == null) {
                    deletes--;
                }
            }
        }
    }

    boolean contains(long recordId) {
        return byId.containsKey(recordId);
    }

    /** The entry of a record, or null. */
    LogEntry get(long recordId) {
        return byId.get(recordId);
    }

    /** The smallest seq_id held, or {@code Long.MAX_VALUE} when empty. */
    long minSeqId() {
        return byId.isEmpty() ? Long.MAX_VALUE : byId.values().iterator().next().seqId();
    }

    int size() {
        return byId.size();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Records put (not deleted) here, minus nothing: for counting live records. */
    int puts() {
        return byId.size() - deletes;
    }

    /** Offers every put record that {@code accept} admits (null: all) to {@code scan}. */
    void scan(ExactScan scan, LongPredicate accept) {
        for (Map.Entry<Long, LogEntry> e : byId.entrySet()) {
            float[] v = e.getValue().vector();
            if (v != null && (accept == null || accept.test(e.getKey()))) {
                scan.offer(e.getKey(), v);
            }
        }
    }

    Iterable<LogEntry> entries() {
        return byId.values();
    }

    /** Offers each candidate to {@code scan}: its entry here when it has one, else the graph's vector (if it holds it). */
    void scanCandidates(ExactScan scan, HnswIndex graph, Candidates candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            long id = candidates.id(i);
            LogEntry p = byId.get(id);
            if (p != null) {
                if (p.vector() != null) {
                    scan.offer(id, p.vector());
                }
            } else {
                float[] v = graph.vector(id);
                if (v != null) {
                    scan.offerPrepared(id, v);
                }
            }
        }
    }

    /** The records answered from {@code graph} and this tail together (a record here overrides the graph's), sorted. */
    long[] liveIds(HnswIndex graph) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (long id : graph.ids()) {
            if (!byId.containsKey(id)) {
                ids.add(id);
            }
        }
        for (LogEntry e : byId.values()) {
            if (e.vector() != null) {
                ids.add(e.recordId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
