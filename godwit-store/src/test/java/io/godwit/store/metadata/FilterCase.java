package io.godwit.store.metadata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One row of {@code filter-cases.json}: a where and/or whereDocument, exactly as JSON (so
 * {@code 5.0} stays a float), and what Godwit answers over {@link FilterDataset}: the matching ids
 * or an error whose message contains {@code error}.
 */
record FilterCase(String name, JsonNode where, JsonNode whereDocument, List<String> ids, String error) {
    static final List<FilterCase> ALL = load();

    @SuppressWarnings("unchecked")
    Map<String, Object> whereMap() {
        return where == null ? null : FilterDataset.JSON.convertValue(where, Map.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> whereDocumentMap() {
        return whereDocument == null ? null : FilterDataset.JSON.convertValue(whereDocument, Map.class);
    }

    /** What the case expects, in the form results are compared: sorted ids, or "error". */
    String expected() {
        return error != null ? "error" : new TreeSet<>(ids).toString();
    }

    @Override
    public String toString() {
        return name;
    }

    private static List<FilterCase> load() {
        List<FilterCase> cases = new ArrayList<>();
        for (JsonNode c : FilterDataset.read("filter-cases.json")) {
            List<String> ids = null;
            if (c.has("ids")) {
                ids = new ArrayList<>();
                for (JsonNode id : c.get("ids")) {
                    ids.add(id.asText());
                }
            }
            cases.add(new FilterCase(c.get("name").asText(), c.get("where"), c.get("whereDocument"), ids,
                    c.has("error") ? c.get("error").asText() : null));
        }
        return List.copyOf(cases);
    }
}
