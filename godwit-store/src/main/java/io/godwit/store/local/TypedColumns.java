package io.godwit.store.local;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one value back from the four typed columns (string, int, float, bool) the metadata tables share. */
final class TypedColumns {
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
}
