package io.godwit.store.importer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chroma's write-ahead log, {@code embeddings_queue}, read for one collection. Every release names
 * a collection's topic {@code persistent://TENANT/NAMESPACE/COLLECTION_ID}, with tenant and
 * namespace varying between releases, so entries are matched by the id at the end. Vectors are
 * little-endian float32 ({@code encoding} FLOAT32, or null in 0.4's first releases).
 */
final class ChromaLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final Connection db;
    private final Path file;

    ChromaLog(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** The collection's entries after position {@code after}, in log order, without their vectors. */
    List<LogEntry> entries(String collectionId, long after) throws SQLException {
        List<LogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT seq_id, operation, id, vector IS NOT NULL, metadata"
                + " FROM embeddings_queue WHERE topic LIKE ? AND seq_id > ? ORDER BY seq_id")) {
            ps.setString(1, "%/" + collectionId);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }

    private LogEntry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        LogEntry.Operation op = LogEntry.Operation.of(rs.getInt(2));
        if (op == null) {
            throw bad("log entry " + seq + " has operation " + rs.getInt(2) + ", which no Chroma release wrote");
        }
        return new LogEntry(seq, op, rs.getString(3), rs.getBoolean(4), metadata(seq, rs.getString(5)));
    }

    private Map<String, Object> metadata(long seq, String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(json, MAP);
            Map<String, Object> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, ChromaValues.normalise(v)));
            return out;
        } catch (IOException e) {
            throw bad("log entry " + seq + " has metadata that is not JSON");
        }
    }

    /** The vectors of the entries at {@code positions}, by position. */
    Map<Long, float[]> vectors(Collection<Long> positions) throws SQLException {
        Map<Long, float[]> out = new HashMap<>();
        List<Long> all = new ArrayList<>(positions);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = db.prepareStatement("SELECT seq_id, vector, encoding FROM embeddings_queue WHERE seq_id IN ("
                    + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), decode(rs.getLong(1), rs.getBytes(2), rs.getString(3)));
                    }
                }
            }
        }
        return out;
    }

    private float[] decode(long seq, byte[] bytes, String encoding) {
        if (encoding != null && !encoding.equalsIgnoreCase("FLOAT32")) {
            throw bad("log entry " + seq + " has a vector in encoding " + encoding + "; Godwit reads FLOAT32");
        }
        if (bytes.length % 4 != 0) {
            throw bad("log entry " + seq + " has a vector of " + bytes.length + " bytes, not a whole number of float32");
        }
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private ImportException bad(String what) {
        return new ImportException(file, file + ": " + what
                + ". The log (embeddings_queue) is damaged: restore chroma.sqlite3 from a backup.");
    }
}
