package io.godwit.store.local;

import io.godwit.store.Float32Encoding;
import io.godwit.store.StoreException;
import io.godwit.store.vector.LogEntry;
import io.godwit.store.vector.VectorLog;
import io.godwit.store.vector.VectorSegment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * The store's log as one collection's vector segment reads it, on one call's connection (so in that
 * call's snapshot): {@code embeddings_queue} under the collection's topic, each entry naming its
 * record's row ({@code record_row}, embeddings_queue 00005), and the records in {@code embeddings}.
 * The end of the log is the metadata segment's position ({@code max_seq_id}, written in the same
 * transaction as the entries); how far it was purged is the collection's {@code log_position}.
 */
final class QueueVectorLog implements VectorLog {
    private final Connection c;
    private final VectorSegment.Context context;

    QueueVectorLog(Connection c, VectorSegment.Context context) {
        this.c = c;
        this.context = context;
    }

    @Override
    public List<LogEntry> after(long seqId, int limit) {
        List<LogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq_id, operation, record_row, vector FROM embeddings_queue"
                + " WHERE topic = ? AND seq_id > ? ORDER BY seq_id LIMIT ?")) {
            ps.setString(1, context.topic());
            ps.setLong(2, seqId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("read the log", e);
        }
        return out;
    }

    /** Delete, put, or none (an update that left the vector as it was; or an entry of 0.1.0, never read: see holdsAfter). */
    private static LogEntry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        int operation = rs.getInt(2);
        long row = rs.getLong(3);
        if (rs.wasNull()) {
            return LogEntry.none(seq);
        }
        if (operation == RecordLog.DELETE) {
            return LogEntry.delete(seq, row);
        }
        byte[] vector = rs.getBytes(4);
        return vector == null ? LogEntry.none(seq) : new LogEntry(seq, row, Float32Encoding.unpack(vector));
    }

    @Override
    public long lastSeqId() {
        try {
            return Jdbc.longValue(c, 0, "SELECT seq_id FROM max_seq_id WHERE segment_id = ?", context.metadataSegmentId());
        } catch (SQLException e) {
            throw failure("read the log's end", e);
        }
    }

    /**
     * Nothing after {@code seqId} was purged (the collection's purge mark is not above it), and every
     * entry after it names its record's row (entries written before 0.2.0 do not: a segment there rebuilds).
     */
    @Override
    public boolean holdsAfter(long seqId) {
        try {
            long purged = Jdbc.longValue(c, 0, "SELECT c.log_position FROM collections c JOIN segments s"
                    + " ON s.collection = c.id WHERE s.id = ?", context.segmentId());
            return seqId >= purged && Jdbc.longValue(c, 0, "SELECT count(*) FROM embeddings_queue WHERE topic = ?"
                    + " AND seq_id > ? AND record_row IS NULL", context.topic(), seqId) == 0;
        } catch (SQLException e) {
            throw failure("read how far the log was purged", e);
        }
    }

    @Override
    public long snapshot(BiConsumer<Long, float[]> records) {
        return changes(-1, id -> { }, records);
    }

    @Override
    public long changes(long seqId, LongConsumer live, BiConsumer<Long, float[]> changed) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, seq_id, CASE WHEN seq_id > ? THEN vector END"
                + " FROM embeddings WHERE segment_id = ? AND vector IS NOT NULL")) {
            ps.setFetchSize(1000);
            ps.setLong(1, seqId);
            ps.setString(2, context.metadataSegmentId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    live.accept(id);
                    byte[] v = rs.getBytes(3);
                    if (v != null) {
                        changed.accept(id, Float32Encoding.unpack(v));
                    }
                }
            }
            return lastSeqId();
        } catch (SQLException e) {
            throw failure("read the records", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(StoreException.Kind.INTERNAL, "vector index of segment " + context.segmentId() + ": could not "
                + what + " (" + e.getMessage() + "); retry the query", e);
    }
}
