package io.godwit.store.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records of one collection as Chroma would return them now: its metadata segment's rows
 * ({@code embeddings} and {@code embedding_metadata}, in insertion order), with the log entries
 * past the segment's position applied ({@link LogReplay}), each joined to its vector
 * ({@link VectorLookup}), handed on in batches.
 */
final class SegmentRecords {
    private final Connection db;
    private final boolean hasBool;
    private final String segmentId;
    private final boolean walkTable;
    private final Map<String, List<LogEntry>> pending = new LinkedHashMap<>();

    /**
     * {@code unapplied}: the collection's log entries after the metadata segment's position;
     * {@code walkTable}: read the segment by walking the whole table in id order rather than through
     * the (segment_id, embedding_id) index, whose rows SQLite must then sort with their metadata (a
     * temporary b-tree of three rows per record: a third of a 200,000-record read's time), which pays
     * when the segment holds most of the table's rows.
     */
    SegmentRecords(Connection db, boolean hasBool, String segmentId, boolean walkTable, List<LogEntry> unapplied) {
        this.db = db;
        this.hasBool = hasBool;
        this.segmentId = segmentId;
        this.walkTable = walkTable;
        unapplied.forEach(e -> pending.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e));
    }

    /** How many records the collection holds once the pending entries are applied. */
    long count() throws SQLException {
        long n;
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM embeddings WHERE segment_id = ?")) {
            ps.setString(1, segmentId);
            try (ResultSet rs = ps.executeQuery()) {
                n = rs.next() ? rs.getLong(1) : 0;
            }
        }
        for (Map.Entry<String, List<LogEntry>> e : pending.entrySet()) {
            RecordDraft start = present(e.getKey()) ? new RecordDraft(e.getKey()) : null;
            n += (fold(start, e.getValue()) != null ? 1 : 0) - (start != null ? 1 : 0);
        }
        return n;
    }

    private boolean present(String id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM embeddings WHERE segment_id = ? AND embedding_id = ?")) {
            ps.setString(1, segmentId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Streams the records, {@code batchSize} at a time, with their vectors from {@code vectors}. */
    void read(VectorLookup vectors, int batchSize, Consumer<List<SourceRecord>> batches) throws SQLException {
        Map<String, List<LogEntry>> left = new LinkedHashMap<>(pending);
        List<RecordDraft> batch = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT e.id, e.embedding_id, m.key, m.string_value, m.int_value,"
                + " m.float_value" + (hasBool ? ", m.bool_value" : "") + " FROM embeddings e" + (walkTable ? " NOT INDEXED" : "")
                + " LEFT JOIN embedding_metadata m"
                + " ON m.id = e.id WHERE e.segment_id = ? ORDER BY e.id")) {
            ps.setString(1, segmentId);
            try (ResultSet rs = ps.executeQuery()) {
                long row = -1;
                RecordDraft draft = null;
                while (rs.next()) {
                    if (rs.getLong(1) != row) {
                        emit(draft, left, batch, vectors, batchSize, batches);
                        row = rs.getLong(1);
                        draft = new RecordDraft(rs.getString(2));
                    }
                    if (rs.getString(3) != null) {
                        draft.put(rs.getString(3), ChromaValues.read(rs, 4, hasBool));
                    }
                }
                emit(draft, left, batch, vectors, batchSize, batches);
            }
        }
        for (Map.Entry<String, List<LogEntry>> e : left.entrySet()) {
            RecordDraft added = fold(null, e.getValue());
            if (added != null) {
                batch.add(added);
                flushIfFull(batch, vectors, batchSize, batches);
            }
        }
        flush(batch, vectors, batches);
    }

    private void emit(RecordDraft draft, Map<String, List<LogEntry>> left, List<RecordDraft> batch, VectorLookup vectors,
                      int batchSize, Consumer<List<SourceRecord>> batches) throws SQLException {
        if (draft == null) {
            return;
        }
        List<LogEntry> entries = left.remove(draft.id);
        RecordDraft now = entries == null ? draft : fold(draft, entries);
        if (now != null) {
            batch.add(now);
            flushIfFull(batch, vectors, batchSize, batches);
        }
    }

    private static RecordDraft fold(RecordDraft start, List<LogEntry> entries) {
        RecordDraft d = start;
        for (LogEntry e : entries) {
            d = LogReplay.record(d, e);
        }
        return d;
    }

    private static void flushIfFull(List<RecordDraft> batch, VectorLookup vectors, int batchSize,
                                    Consumer<List<SourceRecord>> batches) throws SQLException {
        if (batch.size() >= batchSize) {
            flush(batch, vectors, batches);
        }
    }

    private static void flush(List<RecordDraft> batch, VectorLookup vectors, Consumer<List<SourceRecord>> batches)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<float[]> found = vectors.vectors(batch.stream().map(d -> d.id).toList());
        List<SourceRecord> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(batch.get(i).withVector(found.get(i)));
        }
        batch.clear();
        batches.accept(out);
    }
}
