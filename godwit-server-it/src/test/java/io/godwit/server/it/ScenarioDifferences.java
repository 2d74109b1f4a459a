package io.godwit.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The npm scenario's rows (suite {@value #SUITE}) of the one table of deliberate differences from the
 * Chroma 1.0 peer, the store's {@code chroma-differences.json}: per step, the peer's answer
 * ({@code chroma}), Godwit's ({@code godwit}), and what each does and why.
 */
final class ScenarioDifferences {
    static final String SUITE = "npm-scenario";
    /** On the test class path from godwit-store's test-jar (its src/test/resources). */
    static final String TABLE = "/chroma-differences.json";

    private ScenarioDifferences() {
    }

    static Map<String, JsonNode> load() {
        try {
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            JsonNode table;
            try (InputStream in = ScenarioDifferences.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException(TABLE + " is not on the test class path (godwit-store's test-jar)");
                }
                table = new ObjectMapper().readTree(in);
            }
            for (JsonNode row : table.get("differences")) {
                if (SUITE.equals(row.get("suite").asText())) {
                    if (!row.hasNonNull("why") || row.get("why").asText().isBlank() || !row.has("godwit")) {
                        throw new IllegalStateException("Difference " + row.get("case") + " gives no why or no godwit answer");
                    }
                    rows.put(row.get("case").asText(), row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
