package io.godwit.store.importer;

/**
 * What Chroma does with a log entry that a segment has not applied yet, so that records come out
 * as Chroma would return them now. Each function takes the record's state before the entry (null:
 * absent) and returns it after. The rules are Chroma's: an add of a present id is ignored, an
 * update of an absent id is skipped, an upsert adds or updates, a delete removes; updates merge
 * metadata, a null value removing its key.
 */
final class LogReplay {
    /** The vector state: where a record's vector is. */
    static final long IN_SEGMENT_FILES = -1;

    private LogReplay() {
    }

    /** The metadata segment's rule. */
    static RecordDraft record(RecordDraft current, LogEntry entry) {
        return switch (entry.operation()) {
            case ADD -> current != null ? current : merge(new RecordDraft(entry.id()), entry);
            case UPDATE -> current == null ? null : merge(current, entry);
            case UPSERT -> merge(current == null ? new RecordDraft(entry.id()) : current, entry);
            case DELETE -> null;
        };
    }

    private static RecordDraft merge(RecordDraft draft, LogEntry entry) {
        entry.metadata().forEach(draft::put);
        return draft;
    }

    /**
     * The vector segment's rule, over where the vector is: {@link #IN_SEGMENT_FILES}, the log
     * position of the entry that holds it, or null (absent).
     */
    static Long vector(Long current, LogEntry entry) {
        Long logged = entry.hasVector() ? Long.valueOf(entry.seqId()) : null;
        Long here = logged != null ? logged : current;
        return switch (entry.operation()) {
            case ADD -> current != null ? current : logged;
            case UPDATE -> current == null ? null : here;
            case UPSERT -> here;
            case DELETE -> null;
        };
    }
}
