package io.godwit.store.migrations;

import io.godwit.JavaMigration;
import io.godwit.store.Float32Encoding;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * embeddings_queue 00004: vectors written by Godwit 0.1 clients as JSON text ({@code encoding =
 * 'JSON'}, e.g. {@code [0.25, -1.5]}) are re-encoded as packed little-endian float32 ({@code
 * 'FLOAT32'}), the one encoding the segments read from 0.4 on. Parsing and packing floats is
 * awkward in SQL and differs per dialect, hence Java. Rows already in FLOAT32 are left alone.
 */
public final class ReencodeQueueVectors implements JavaMigration {
    private final String checksum;

    public ReencodeQueueVectors() {
        this("json-to-float32-le-v1");
    }

    /** For tests: the same migration declaring another checksum, as an edited one would. */
    ReencodeQueueVectors(String checksum) {
        this.checksum = checksum;
    }

    @Override
    public int version() {
        return 4;
    }

    @Override
    public String description() {
        return "reencode-vectors";
    }

    @Override
    public Set<String> scopes() {
        return Set.of("sqlite", "postgresql");
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public void migrate(Connection c) throws Exception {
        try (Statement select = c.createStatement();
             ResultSet rs = select.executeQuery("SELECT seq_id, vector FROM embeddings_queue WHERE encoding = 'JSON'");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE embeddings_queue SET vector = ?, encoding = 'FLOAT32' WHERE seq_id = ?")) {
            while (rs.next()) {
                long seqId = rs.getLong(1);
                byte[] json = rs.getBytes(2);
                update.setBytes(1, json == null ? null : Float32Encoding.pack(parse(seqId, new String(json, StandardCharsets.UTF_8))));
                update.setLong(2, seqId);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Parses a JSON array of numbers; anything else is an error naming the row. */
    static float[] parse(long seqId, String json) {
        String body = json.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("embeddings_queue row " + seqId + ": vector is not a JSON array: " + body);
        }
        body = body.substring(1, body.length() - 1).strip();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i].strip());
        }
        return values;
    }
}
