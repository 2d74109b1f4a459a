package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code add}: Chroma's parallel arrays {@code ids}, {@code embeddings} and, optional,
 * {@code metadatas} and {@code documents} (element i of each is record i; null elements mean none).
 * Everything is checked before anything is written, so a refused batch leaves the collection as it was.
 */
record AddRequest(List<String> ids, List<float[]> embeddings, List<Map<String, Object>> metadatas, List<String> documents) {

    static AddRequest parse(JsonNode body) {
        List<String> ids = JsonFields.strings(body, "ids");
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw ApiError.invalid("ids holds " + id + " twice");
            }
        }
        List<float[]> embeddings = JsonFields.vectors(body, "embeddings");
        sameLength(ids, embeddings.size(), "embeddings");
        return new AddRequest(ids, embeddings, metadatas(body, ids), documents(body, ids));
    }

    /** Every vector has the collection's dimension, when it has one: otherwise a 400 naming the record. */
    void checkDimension(String collection, Optional<Integer> dimension) {
        for (int i = 0; i < ids.size(); i++) {
            checkLength(collection, dimension, embeddings.get(i), "embeddings[" + i + "] (id " + ids.get(i) + ")");
        }
    }

    static void checkLength(String collection, Optional<Integer> dimension, float[] vector, String where) {
        if (dimension.isPresent() && vector.length != dimension.get()) {
            throw ApiError.invalid("Collection " + collection + " holds vectors of dimension " + dimension.get()
                    + ", got " + vector.length + " in " + where);
        }
    }

    private static List<Map<String, Object>> metadatas(JsonNode body, List<String> ids) {
        List<Map<String, Object>> values = new ArrayList<>(ids.size());
        if (JsonFields.absent(body, "metadatas")) {
            ids.forEach(id -> values.add(Map.of()));
            return values;
        }
        JsonNode array = JsonFields.array(body, "metadatas");
        sameLength(ids, array.size(), "metadatas");
        for (int i = 0; i < array.size(); i++) {
            values.add(JsonFields.metadata(array.get(i), "metadatas[" + i + "]"));
        }
        return values;
    }

    private static List<String> documents(JsonNode body, List<String> ids) {
        List<String> values = new ArrayList<>(ids.size());
        if (JsonFields.absent(body, "documents")) {
            ids.forEach(id -> values.add(null));
            return values;
        }
        JsonNode array = JsonFields.array(body, "documents");
        sameLength(ids, array.size(), "documents");
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (!v.isNull() && !v.isTextual()) {
                throw ApiError.invalid("documents[" + i + "] must be a string or null, not " + v.getNodeType().name().toLowerCase());
            }
            values.add(v.isNull() ? null : v.asText());
        }
        return values;
    }

    private static void sameLength(List<String> ids, int size, String field) {
        if (size != ids.size()) {
            throw ApiError.invalid(field + " has " + size + " elements but ids has " + ids.size());
        }
    }
}
