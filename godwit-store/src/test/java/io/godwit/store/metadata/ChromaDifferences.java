package io.godwit.store.metadata;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one table of deliberate differences from the Chroma 1.0 peer,
 * {@code chroma-differences.json} at the root of the store's test resources: per case of a
 * comparison suite, what the peer answers, what Godwit does instead and why. Every comparison
 * with the peer reads it; a case not listed must answer exactly as the peer does.
 */
final class ChromaDifferences {
    static final String RESOURCE = "/chroma-differences.json";

    private final Map<String, JsonNode> byCase = new LinkedHashMap<>();

    private ChromaDifferences(JsonNode table, String suite) {
        for (JsonNode d : table.get("differences")) {
            if (suite.equals(d.get("suite").asText())) {
                byCase.put(d.get("case").asText(), d);
            }
        }
    }

    static ChromaDifferences of(String suite) {
        try (InputStream in = ChromaDifferences.class.getResourceAsStream(RESOURCE)) {
            return new ChromaDifferences(FilterDataset.JSON.readTree(in), suite);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, JsonNode> entries() {
        return byCase;
    }

    /** The peer's answer to a listed case, as sorted ids or "error"; null when the case is not listed. */
    String chroma(String caseName) {
        JsonNode d = byCase.get(caseName);
        if (d == null) {
            return null;
        }
        JsonNode chroma = d.get("chroma");
        if (chroma.has("error")) {
            return "error";
        }
        TreeSet<String> ids = new TreeSet<>();
        chroma.get("ids").forEach(id -> ids.add(id.asText()));
        return ids.toString();
    }
}
