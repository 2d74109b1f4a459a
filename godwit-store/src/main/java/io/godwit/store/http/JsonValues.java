package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.StoreException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of Chroma's API v2 in JSON, both ways: metadata maps, filters, embeddings (arrays of
 * numbers or base64 little-endian float32), lists of strings. Used by the server to read requests and
 * write answers, and by {@link HttpGodwitClient} to write requests and read answers, so both sides
 * agree by construction.
 *
 * <p>Reading refuses a malformed value with an INVALID_ARGUMENT {@link StoreException} whose message
 * starts with the field's path ({@code metadatas[2].year}, {@code embeddings[0][5]}); it never passes
 * on a library's message. Integers read as {@code Long} and other numbers as {@code Double}, so a
 * filter keeps Chroma's distinction between {@code 5} and {@code 5.0}.
 */
public final class JsonValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** True for an absent field and for JSON {@code null}. */
    public static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    public static ObjectNode object(JsonNode node, String path) {
        if (!(node instanceof ObjectNode o)) {
            throw invalid(path, "expected an object, got " + kind(node));
        }
        return o;
    }

    public static ArrayNode array(JsonNode node, String path) {
        if (!(node instanceof ArrayNode a)) {
            throw invalid(path, "expected an array, got " + kind(node));
        }
        return a;
    }

    public static String string(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw invalid(path, "expected a string, got " + kind(node));
        }
        return node.textValue();
    }

    /** A string, or null when absent or JSON null. */
    public static String optionalString(JsonNode node, String path) {
        return absent(node) ? null : string(node, path);
    }

    /** A whole number in {@code [min, Integer.MAX_VALUE]}, or null when absent. */
    public static Integer optionalInt(JsonNode node, String path, int min) {
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
            throw invalid(path, "expected a whole number of at least " + min + ", got " + describe(node));
        }
        return node.intValue();
    }

    public static Boolean optionalBoolean(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalid(path, "expected true or false, got " + kind(node));
        }
        return node.booleanValue();
    }

    /** A list of strings (no null element), or null when absent. */
    public static List<String> optionalStrings(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        ArrayNode array = array(node, path);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(string(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** A list of strings whose elements may be null ({@code documents}, {@code uris}), or null when absent. */
    public static List<String> optionalNullableStrings(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        ArrayNode array = array(node, path);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(optionalString(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    // Metadata.

    /**
     * A metadata object: string, integer, float and boolean values, arrays of those, and {@code null}
     * (which update reads as "remove this key"; the store refuses it elsewhere). Null when absent.
     */
    public static Map<String, Object> metadata(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        ObjectNode object = object(node, path);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<Object> items = new ArrayList<>(value.size());
                for (int i = 0; i < value.size(); i++) {
                    items.add(scalar(value.get(i), at + "[" + i + "]", false));
                }
                out.put(field.getKey(), items);
            } else {
                out.put(field.getKey(), scalar(value, at, true));
            }
        }
        return out;
    }

    /** One metadata object per record (an element may be null), or null when absent. */
    public static List<Map<String, Object>> metadatas(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        ArrayNode array = array(node, path);
        List<Map<String, Object>> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(metadata(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static Object scalar(JsonNode value, String path, boolean nullAllowed) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw invalid(path, "integer " + value.asText() + " is out of the 64-bit range");
            }
            return value.longValue();
        }
        if (value.isNumber()) {
            return finite(value.doubleValue(), path);
        }
        if (value.isNull() && nullAllowed) {
            return null;
        }
        throw invalid(path, "a metadata value must be a string, number, boolean or an array of one of those; got "
                + kind(value));
    }

    public static ObjectNode writeMetadata(Map<String, ?> metadata) {
        ObjectNode node = NODES.objectNode();
        metadata.forEach((key, value) -> node.set(key, writeValue(value)));
        return node;
    }

    /** A metadata map as Chroma answers it: null when there is none or it is empty. */
    public static JsonNode writeMetadataOrNull(Map<String, ?> metadata) {
        return metadata == null || metadata.isEmpty() ? NODES.nullNode() : writeMetadata(metadata);
    }

    // Filters.

    /** A {@code where} or {@code where_document} object as plain Java values, or null when absent or empty. */
    public static Map<String, Object> filter(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(object(node, path), path);
        return map.isEmpty() ? null : map;
    }

    /** Any JSON value as Java: Map, List, String, Long, Double, Boolean or null. */
    static Object plain(JsonNode node, String path) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), plain(f.getValue(), path + "." + f.getKey())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(plain(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        return node.isNull() ? null : scalar(node, path, true);
    }

    /** Java values (as {@link #plain} makes them, or any Number/Map/List) as JSON. */
    public static JsonNode writeValue(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), writeValue(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = NODES.arrayNode(list.size());
            list.forEach(v -> node.add(writeValue(v)));
            return node;
        }
        throw StoreException.invalid("unsupported value of type " + value.getClass().getSimpleName());
    }

    // Embeddings.

    /**
     * Embeddings as arrays of numbers or base64 strings of little-endian float32 (what clients send
     * when pre-flight says {@code supports_base64_encoding}); an element may be null (update: keep).
     * Null when absent. Every value must be finite as a float32.
     */
    public static List<float[]> embeddings(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        ArrayNode array = array(node, path);
        List<float[]> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(embedding(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static float[] embedding(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return base64(node.textValue(), path);
        }
        ArrayNode array = array(node, path);
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                throw invalid(path + "[" + i + "]", "expected a number, got " + kind(v));
            }
            vector[i] = finite((float) v.doubleValue(), path + "[" + i + "]");
        }
        return vector;
    }

    private static float[] base64(String text, String path) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "not valid base64 (expected little-endian float32 values encoded in base64)");
        }
        if (bytes.length % Float.BYTES != 0) {
            throw invalid(path, "base64 embedding of " + bytes.length + " bytes is not a whole number of float32 values");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = finite(buffer.getFloat(), path + "[" + i + "]");
        }
        return vector;
    }

    public static ArrayNode writeEmbedding(float[] vector) {
        ArrayNode node = NODES.arrayNode(vector.length);
        for (float v : vector) {
            node.add(v);
        }
        return node;
    }

    /** Little-endian float32 in base64, as Chroma's clients send vectors. */
    public static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static float finite(float value, String path) {
        if (!Float.isFinite(value)) {
            throw invalid(path, "must be a finite float32 value, got " + value);
        }
        return value;
    }

    private static double finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw invalid(path, "must be a finite number, got " + value);
        }
        return value;
    }

    static StoreException invalid(String path, String problem) {
        return StoreException.invalid(path + ": " + problem);
    }

    /** What kind of JSON value a node is, for messages (never its whole text: it may be huge). */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String describe(JsonNode node) {
        if (node.isNumber()) {
            String text = node.asText();
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
        return kind(node);
    }
}
