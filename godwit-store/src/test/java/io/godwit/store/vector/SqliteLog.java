package io.godwit.store.vector;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A log in a real SQLite file (synchronous=FULL), for the crash tests: a committed batch survives a
 * SIGKILL of the process that wrote it, as the store's log does. Records are put only (no deletes).
 */
final class SqliteLog implements VectorLog, AutoCloseable {
    private final Connection c;

    SqliteLog(Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS log (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL, vector BLOB NOT NULL)");
        }
    }

    /** Appends and commits one batch; returns the last seq_id. */
    synchronized long append(long firstId, float[][] vectors) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log (id, vector) VALUES (?, ?)")) {
            for (int i = 0; i < vectors.length; i++) {
                ps.setLong(1, firstId + i);
                ps.setBytes(2, pack(vectors[i]));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return lastSeqId();
    }

    @Override
    public synchronized List<LogEntry> after(long seqId, int limit) {
        List<LogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, id, vector FROM log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seqId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LogEntry(rs.getLong(1), rs.getLong(2), unpack(rs.getBytes(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public synchronized long lastSeqId() {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM log")) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean holdsAfter(long seqId) {
        return true;
    }

    @Override
    public synchronized long snapshot(BiConsumer<Long, float[]> records) {
        for (LogEntry e : after(0, Integer.MAX_VALUE)) {
            records.accept(e.recordId(), e.vector());
        }
        return lastSeqId();
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }

    static byte[] pack(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] unpack(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
        return v;
    }
}
