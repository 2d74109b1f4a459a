package io.godwit.store;

import io.godwit.GodwitException;

/**
 * The four kinds of metadata value the store keeps, each in its own column (Chroma's layout):
 * strings, integers, floats and booleans. Anything else is refused with the key named.
 */
enum MetadataValue {
    STRING, INT, FLOAT, BOOL;

    static MetadataValue of(String key, Object value) {
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return INT;
        }
        if (value instanceof Float || value instanceof Double) {
            return FLOAT;
        }
        if (value instanceof Boolean) {
            return BOOL;
        }
        throw new GodwitException("Metadata " + key + " must be a string, integer, float or boolean, not " + value);
    }

    /** The column for this kind, given the table's prefix for strings ({@code string} or {@code str}). */
    String column(String stringPrefix) {
        return switch (this) {
            case STRING -> stringPrefix + "_value";
            case INT -> "int_value";
            case FLOAT -> "float_value";
            case BOOL -> "bool_value";
        };
    }
}
