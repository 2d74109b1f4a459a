package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.StoredEmbedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both sides of the JSON format of the README (Server and HTTP client): vectors as arrays of numbers, metadata
 * as flat objects, records as Chroma's parallel arrays ({@code ids}, {@code embeddings},
 * {@code metadatas}, {@code documents}). Answers are the server's, so they are read without
 * re-checking; requests are checked by the server.
 */
public final class Wire {
    private Wire() {
    }

    static ArrayNode vector(float[] values) {
        ArrayNode array = Transport.JSON.createArrayNode();
        for (float v : values) {
            array.add(v);
        }
        return array;
    }

    static float[] vector(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    /** Metadata as JSON; values the server does not accept (nested maps, lists, null) are refused there, with a 400. */
    public static JsonNode metadata(Map<String, Object> metadata) {
        return metadata == null ? Transport.JSON.nullNode() : Transport.JSON.valueToTree(metadata);
    }

    /** Integers read back as Long and floats as Double, as from a local collection. */
    static Map<String, Object> metadata(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return values;
        }
        object.fields().forEachRemaining(e -> values.put(e.getKey(), scalar(e.getValue())));
        return values;
    }

    /**
     * Records as parallel arrays: the request body of {@code add} and the server's answer to
     * {@code get}, so both sides write it here.
     */
    public static ObjectNode records(List<StoredEmbedding> records) {
        ObjectNode body = Transport.JSON.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        ArrayNode embeddings = body.putArray("embeddings");
        ArrayNode metadatas = body.putArray("metadatas");
        ArrayNode documents = body.putArray("documents");
        for (StoredEmbedding r : records) {
            ids.add(r.id());
            embeddings.add(vector(r.embedding()));
            metadatas.add(metadata(r.metadata()));
            documents.add(r.document());
        }
        return body;
    }

    /** The answer of {@code get}: parallel arrays back into records. */
    static List<StoredEmbedding> records(JsonNode answer) {
        List<StoredEmbedding> records = new ArrayList<>();
        JsonNode ids = answer.path("ids");
        for (int i = 0; i < ids.size(); i++) {
            JsonNode document = answer.path("documents").path(i);
            records.add(new StoredEmbedding(ids.get(i).asText(), vector(answer.path("embeddings").path(i)),
                    metadata(answer.path("metadatas").path(i)), document.isTextual() ? document.asText() : null));
        }
        return records;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Object scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return null;
    }
}
