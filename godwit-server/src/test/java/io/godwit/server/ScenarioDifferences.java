package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The npm scenario's rows of the table of deliberate differences from the Chroma 1.0 peer: per step,
 * the peer's answer ({@code chroma}), Godwit's ({@code godwit}) and the reason. Rows use the format of
 * the store's {@code chroma-differences.json} (suite {@value #SUITE}).
 */
final class ScenarioDifferences {
    static final String SUITE = "npm-scenario";
    static final String RESOURCE = "/chroma-differences-server.json";

    private ScenarioDifferences() {
    }

    static Map<String, JsonNode> load() {
        try (InputStream in = ScenarioDifferences.class.getResourceAsStream(RESOURCE)) {
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            for (JsonNode row : new ObjectMapper().readTree(in).get("differences")) {
                if (SUITE.equals(row.get("suite").asText())) {
                    if (!row.hasNonNull("reason") || row.get("reason").asText().isBlank()) {
                        throw new IllegalStateException("Difference " + row.get("case") + " gives no reason");
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
