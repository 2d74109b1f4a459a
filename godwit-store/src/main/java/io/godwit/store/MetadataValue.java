package io.godwit.store;

import io.godwit.GodwitException;

import java.sql.ResultSet;
import java.sql.SQLException;

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

    /**
     * Reads a value back from the four typed columns starting at {@code first} (string, int,
     * float, bool): the first that is not null; integers come back as Long, floats as Double.
     */
    static Object read(ResultSet rs, int first) throws SQLException {
        String s = rs.getString(first);
        if (s != null) {
            return s;
        }
        long i = rs.getLong(first + 1);
        if (!rs.wasNull()) {
            return i;
        }
        double d = rs.getDouble(first + 2);
        if (!rs.wasNull()) {
            return d;
        }
        boolean b = rs.getBoolean(first + 3);
        return rs.wasNull() ? null : b;
    }
}
