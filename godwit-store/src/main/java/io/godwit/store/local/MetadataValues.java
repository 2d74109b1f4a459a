package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and normalises metadata as the store keeps it: {@code String}, {@code Long} (from any
 * integral type), {@code Double} (from float or double, finite), {@code Boolean}, or a non-empty
 * {@code List} of one of those types (integers and floats do not mix). A refusal names the call,
 * the record and the key.
 */
public final class MetadataValues {
    private MetadataValues() {
    }

    /**
     * The record's metadata normalised; {@code nullRemoves} (update) lets a null value through, meaning
     * "remove this key", which a new record cannot have.
     */
    public static Map<String, Object> record(String where, Map<String, Object> metadata, boolean nullRemoves) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            String key = checkKey(where, e.getKey());
            Object value = e.getValue();
            if (value == null) {
                if (!nullRemoves) {
                    throw StoreException.invalid(where + ": metadata '" + key + "' is null; a new record's metadata"
                            + " values must be a string, integer, float, boolean or list of one of those (leave the key out"
                            + " instead; null removes a key only in update)");
                }
                out.put(key, null);
            } else if (value instanceof List<?> list) {
                out.put(key, list(where, key, list));
            } else {
                out.put(key, scalar(where + ": metadata '" + key + "'", value));
            }
        }
        return out;
    }

    /** A collection's own metadata: scalars only, no nulls. */
    public static Map<String, Object> collection(String where, Map<String, Object> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            String key = checkKey(where, e.getKey());
            if (e.getValue() == null || e.getValue() instanceof List<?>) {
                throw StoreException.invalid(where + ": collection metadata '" + key + "' must be a string, integer,"
                        + " float or boolean, not " + (e.getValue() == null ? "null" : "a list"));
            }
            out.put(key, scalar(where + ": collection metadata '" + key + "'", e.getValue()));
        }
        return out;
    }

    private static String checkKey(String where, Object key) {
        if (!(key instanceof String s) || s.isEmpty()) {
            throw StoreException.invalid(where + ": metadata keys must be non-empty strings, got "
                    + (key == null ? "null" : "'" + key + "'"));
        }
        if (s.startsWith("#") || s.startsWith("$")) {
            throw StoreException.invalid(where + ": metadata key '" + s + "' starts with '" + s.charAt(0)
                    + "', which filters reserve for operators; rename it");
        }
        return s;
    }

    private static List<Object> list(String where, String key, List<?> list) {
        String field = where + ": metadata '" + key + "'";
        if (list.isEmpty()) {
            throw StoreException.invalid(field + " is an empty list; an array value holds at least one element");
        }
        List<Object> out = new ArrayList<>(list.size());
        Class<?> type = null;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null || element instanceof List<?>) {
                throw StoreException.invalid(field + "[" + i + "] is " + (element == null ? "null" : "a list")
                        + "; an array holds strings, integers, floats or booleans, all of one type");
            }
            Object v = scalar(field + "[" + i + "]", element);
            if (type != null && type != v.getClass()) {
                throw StoreException.invalid(field + " mixes " + kind(type) + " and " + kind(v.getClass())
                        + " (element " + i + "); an array holds values of one type");
            }
            type = v.getClass();
            out.add(v);
        }
        return List.copyOf(out);
    }

    /** One scalar normalised: String, Long, Double (finite) or Boolean. */
    static Object scalar(String field, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw StoreException.invalid(field + " is " + d + "; numbers must be finite");
            }
            return d;
        }
        throw StoreException.invalid(field + " is a " + value.getClass().getSimpleName() + " (" + abbreviate(value)
                + "); values must be a string, integer, float or boolean, or a list of one of those");
    }

    private static String kind(Class<?> type) {
        return type == String.class ? "strings" : type == Long.class ? "integers" : type == Double.class ? "floats" : "booleans";
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** The column of a normalised scalar in embedding_metadata(_array) and collection_metadata (string: {@code stringColumn}). */
    static String column(Object value, String stringColumn) {
        if (value instanceof String) {
            return stringColumn;
        }
        if (value instanceof Long) {
            return "int_value";
        }
        return value instanceof Double ? "float_value" : "bool_value";
    }
}
