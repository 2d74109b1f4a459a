package io.godwit.store.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata as Chroma before 0.4 wrote it: whatever JSON its Python client was given, as text.
 * Godwit keeps strings, integers, floats, booleans and arrays of one of those, so the rest is
 * turned into those where that loses nothing and refused otherwise:
 * <ul>
 *   <li>absent, blank or the JSON {@code null}: no metadata (Chroma wrote {@code null} for a collection created without any);
 *   <li>a key whose value is {@code null}: left out, as Chroma's later releases drop it;
 *   <li>a nested object: flattened into dotted keys ({@code {"a": {"b": 1}}} becomes {@code a.b = 1});
 *       a flattened key that clashes with an existing one is refused;
 *   <li>an array of one scalar type: kept as a list; an empty, mixed or nested array is refused.
 * </ul>
 * A refusal names the file, the record (or collection) and the key.
 */
final class LegacyMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyMetadata() {
    }

    /** The metadata in {@code json}; null when there is none. {@code owner} names the record in messages. */
    static Map<String, Object> parse(String json, Path file, String owner) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw refuse(file, owner, "its metadata is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw refuse(file, owner, "its metadata is " + node.getNodeType().name().toLowerCase() + ", not an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", node, out, file, owner);
        return out;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, Object> out, Path file, String owner) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                flatten(key + ".", value, out, file, owner);
                continue;
            }
            Object converted = value.isArray() ? list(key, value, file, owner) : scalar(key, value, file, owner);
            if (out.putIfAbsent(key, converted) != null) {
                throw refuse(file, owner, "metadata key '" + key + "' appears twice once nested objects are flattened");
            }
        }
    }

    private static List<Object> list(String key, JsonNode array, Path file, String owner) {
        if (array.isEmpty()) {
            throw refuse(file, owner, "metadata key '" + key + "' holds an empty array, which has no type to keep");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isContainerNode() || element.isNull()) {
                throw refuse(file, owner, "metadata key '" + key + "' holds an array with a nested or null element");
            }
            values.add(scalar(key, element, file, owner));
        }
        Class<?> type = values.get(0).getClass();
        if (values.stream().anyMatch(v -> v.getClass() != type)) {
            throw refuse(file, owner, "metadata key '" + key + "' holds an array of mixed types");
        }
        return values;
    }

    private static Object scalar(String key, JsonNode value, Path file, String owner) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw refuse(file, owner, "metadata key '" + key + "' holds " + value + ", beyond a 64-bit integer");
            }
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        throw refuse(file, owner, "metadata key '" + key + "' holds an unsupported value " + value);
    }

    private static ImportException refuse(Path file, String owner, String what) {
        return new ImportException(file, file + ": " + owner + ": " + what
                + ". Fix that value in Chroma (or remove the key), then import again.");
    }
}
