package io.godwit.store.local;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads values back from the four typed columns (string, int, float, bool) the metadata tables share:
 * as four columns, or on SQLite as one folded column ({@link #SQLITE_FOLDED}).
 */
final class TypedColumns {
    /**
     * SQLite only: the four columns as one value whose storage class names the type (TEXT, INTEGER,
     * REAL; a boolean as the one-byte BLOB x'01' or x'00'), read by {@link #readFolded}. One column
     * costs one type and one value call through sqlite-jdbc's native interface instead of a read
     * and a {@code wasNull} per column: about half of loading metadata was those calls.
     */
    static final String SQLITE_FOLDED = "CASE WHEN string_value IS NOT NULL THEN string_value"
            + " WHEN int_value IS NOT NULL THEN int_value WHEN float_value IS NOT NULL THEN float_value"
            + " WHEN bool_value IS NOT NULL THEN CASE WHEN bool_value THEN x'01' ELSE x'00' END END";

    private TypedColumns() {
    }

    /** The first non-null of the four columns starting at {@code first}: String, Long, Double or Boolean; null if none. */
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

    /** The value of a {@link #SQLITE_FOLDED} column: String, Long, Double or Boolean; null if none. */
    static Object readFolded(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof Integer i) {   // sqlite-jdbc gives an Integer for an INTEGER that fits
            return (long) i;
        }
        if (v instanceof byte[] b) {
            return b.length == 1 && b[0] != 0;
        }
        return v;
    }
}
