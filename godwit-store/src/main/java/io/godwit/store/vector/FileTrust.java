package io.godwit.store.vector;

import io.godwit.internal.Log;
import java.util.UUID;

/**
 * Whether a sound index file (its checksum held) may serve a segment: it must belong to the store's
 * current life (epoch), have been built with the same graph parameters, cover no more of the log
 * than the log holds, and the log must still hold everything after it.
 */
final class FileTrust {
    private static final Log LOG = Log.get(FileTrust.class);

    private FileTrust() {
    }

    /** The loaded file when it can serve, else null and why ({@code why} starting "rebuilt: ..." is the segment's origin). */
    record Verdict(IndexFile.Loaded loaded, String why) {
    }

    /** Loads the file of {@code f} and judges it; says why it cannot serve in a log line unless {@code quiet} (or missing). */
    static Verdict load(SegmentFiles f, UUID epoch, IndexParams params, VectorLog log, boolean quiet) {
        IndexFile.Loaded loaded;
        try {
            loaded = f.load();
        } catch (DamagedIndexException e) {
            if (!e.getMessage().endsWith(": missing") && !quiet) {
                LOG.warn("{}; rebuilding it from the database", e.getMessage());
            }
            return new Verdict(null, e.getMessage());
        }
        String why = why(loaded.header(), epoch, params, log);
        if (why != null) {
            if (!quiet) {
                LOG.warn("vector index {}: {}; rebuilding it from the database", f.index(), why);
            }
            return new Verdict(null, why);
        }
        return new Verdict(loaded, null);
    }

    /** Why the file with {@code h} cannot serve, or null when it can. */
    static String why(IndexHeader h, UUID epoch, IndexParams params, VectorLog log) {
        if (!h.epoch().equals(epoch)) {
            return "it belongs to another life of the store (epoch " + h.epoch() + ", the store's is " + epoch
                    + ": reset, restored or rolled back)";
        }
        if (!h.params().sameGraph(params)) {
            return "it was built with " + h.params() + ", the collection now has " + params;
        }
        long end = log.lastSeqId();
        if (h.seqId() > end) {
            return "it covers seq_id " + h.seqId() + " but the log ends at " + end + " (the database was restored or rolled back)";
        }
        if (!log.holdsAfter(h.seqId())) {
            return "the log no longer holds the entries after its seq_id " + h.seqId();
        }
        return null;
    }
}
