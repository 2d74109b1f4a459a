package io.godwit.store.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a segment whose log was purged past its position puts into its pending tail, from the records
 * as they are now ({@code live} row ids, {@code changed}: the ones written since, with their vectors):
 * a delete for each record of the graph or the tail that is gone, and each changed record's vector,
 * all at seq_id {@code at} (the moment the records were read).
 */
final class Resync {
    private Resync() {
    }

    static List<LogEntry> entries(long at, long[] graphIds, Iterable<LogEntry> pending, Set<Long> live, List<LogEntry> changed) {
        List<LogEntry> out = new ArrayList<>();
        for (long id : graphIds) {
            if (!live.contains(id)) {
                out.add(LogEntry.delete(at, id));
            }
        }
        for (LogEntry e : pending) {
            if (e.vector() != null && !live.contains(e.recordId())) {
                out.add(LogEntry.delete(at, e.recordId()));
            }
        }
        for (LogEntry e : changed) {
            out.add(new LogEntry(at, e.recordId(), e.vector()));
        }
        return out;
    }
}
