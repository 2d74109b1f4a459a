package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of a request body, checking types as it goes. Every refusal is a 400 naming
 * the field as a path ({@code embeddings[2][0]}), so a client sees which value to fix. A field
 * that is absent and a field that is JSON null mean the same.
 */
final class JsonFields {
    private JsonFields() {
    }

    static boolean absent(JsonNode body, String field) {
        return body.path(field).isMissingNode() || body.path(field).isNull();
    }

    static String string(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (!v.isTextual()) {
            throw ApiError.invalid(field + " must be a string" + given(v));
        }
        return v.asText();
    }

    /** A whole number of at least 1, or null when absent. */
    static Integer positiveInt(JsonNode body, String field) {
        if (absent(body, field)) {
            return null;
        }
        JsonNode v = body.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw ApiError.invalid(field + " must be a whole number of at least 1" + given(v));
        }
        return v.intValue();
    }

    /** A non-empty array of strings. */
    static List<String> strings(JsonNode body, String field) {
        JsonNode array = array(body, field);
        if (array.isEmpty()) {
            throw ApiError.invalid(field + " must not be empty");
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw ApiError.invalid(field + "[" + i + "] must be a non-empty string" + given(v));
            }
            values.add(v.asText());
        }
        return values;
    }

    /** A non-empty array of vectors, each a non-empty array of finite numbers. */
    static List<float[]> vectors(JsonNode body, String field) {
        JsonNode array = array(body, field);
        if (array.isEmpty()) {
            throw ApiError.invalid(field + " must not be empty");
        }
        List<float[]> vectors = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            vectors.add(vector(array.get(i), field + "[" + i + "]"));
        }
        return vectors;
    }

    static JsonNode array(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (!v.isArray()) {
            throw ApiError.invalid(field + " must be an array" + given(v));
        }
        return v;
    }

    /** A flat object of strings, whole numbers (Long), other numbers (Double) and booleans; null means none. */
    static Map<String, Object> metadata(JsonNode v, String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (v == null || v.isMissingNode() || v.isNull()) {
            return values;
        }
        if (!v.isObject()) {
            throw ApiError.invalid(where + " must be an object" + given(v));
        }
        v.fields().forEachRemaining(e -> values.put(e.getKey(), scalar(e.getValue(), where + "." + e.getKey())));
        return values;
    }

    private static float[] vector(JsonNode v, String where) {
        if (!v.isArray() || v.isEmpty()) {
            throw ApiError.invalid(where + " must be a non-empty array of numbers" + given(v));
        }
        float[] values = new float[v.size()];
        for (int j = 0; j < values.length; j++) {
            JsonNode x = v.get(j);
            if (!x.isNumber() || !Float.isFinite(x.floatValue())) {
                throw ApiError.invalid(where + "[" + j + "] must be a number within float range" + given(x));
            }
            values[j] = x.floatValue();
        }
        return values;
    }

    private static Object scalar(JsonNode v, String where) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw ApiError.invalid(where + " must be a string, number or boolean" + given(v));
    }

    /** ", not X" with the offending value, kept short. */
    private static String given(JsonNode v) {
        if (v.isMissingNode()) {
            return " (it is missing)";
        }
        String text = v.toString();
        return ", not " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
