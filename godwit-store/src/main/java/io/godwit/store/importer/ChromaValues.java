package io.godwit.store.importer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Metadata values as Chroma keeps them: one typed column each (string, int, float, bool) in its
 * tables, JSON in its log. Values come out as the store takes them: String, Long, Double, Boolean,
 * or a List of one of those.
 */
final class ChromaValues {
    /** The key under which Chroma keeps a record's document in its metadata tables and log. */
    static final String DOCUMENT = "chroma:document";
    /** The key under which Chroma keeps a record's uri. */
    static final String URI = "chroma:uri";

    private ChromaValues() {
    }

    /**
     * The value in the typed columns starting at {@code first}: string, int, float, then bool when
     * {@code hasBool} (0.4's first schema had no bool column; Chroma wrote booleans as ints there);
     * null when all are null.
     */
    static Object read(ResultSet rs, int first, boolean hasBool) throws SQLException {
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
        if (!hasBool) {
            return null;
        }
        boolean b = rs.getBoolean(first + 3);
        return rs.wasNull() ? null : b;
    }

    /** A JSON value as the store takes it: integral numbers as Long, others as Double, lists element-wise. */
    static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof java.math.BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ChromaValues::normalise).toList();
        }
        return value;
    }
}
