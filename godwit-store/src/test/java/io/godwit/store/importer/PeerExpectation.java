package io.godwit.store.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the real Chroma server returned for every collection and record of a fixture it wrote
 * ({@code expected.json}, dumped by peer/import-fixture.mjs), as values the store's types compare
 * with: integers as Long, floats as Double, vectors as float32.
 */
record PeerExpectation(String tenant, String database, String id, String name, Map<String, Object> metadata,
                       String space, long count, List<SourceRecord> records) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<PeerExpectation> read(Path file) {
        try {
            List<PeerExpectation> out = new ArrayList<>();
            for (JsonNode c : JSON.readTree(file.toFile())) {
                List<SourceRecord> records = new ArrayList<>();
                for (JsonNode r : c.get("records")) {
                    records.add(new SourceRecord(r.get("id").textValue(), floats(r.get("embedding")), text(r.get("document")),
                            metadata(r.get("metadata")), text(r.get("uri"))));
                }
                Map<String, Object> metadata = metadata(c.get("metadata"));
                out.add(new PeerExpectation(c.get("tenant").textValue(), c.get("database").textValue(), c.get("id").textValue(),
                        c.get("name").textValue(), metadata == null ? Map.of() : metadata,
                        c.path("configuration").path("hnsw").path("space").asText("l2"), c.get("count").longValue(), records));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path() {
        return tenant + "/" + database + "/" + name;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).doubleValue();
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        JSON.convertValue(node, Map.class).forEach((k, v) -> out.put((String) k, ChromaValues.normalise(v)));
        return out;
    }
}
