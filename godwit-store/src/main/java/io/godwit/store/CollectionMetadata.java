package io.godwit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a collection's own metadata ({@code collection_metadata}, one typed column per value). */
final class CollectionMetadata {
    private CollectionMetadata() {
    }

    /** The values by key, sorted by key; integers read back as Long, floats as Double. */
    static Map<String, Object> read(Connection c, String collectionId) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, str_value, int_value, float_value, bool_value"
                + " FROM collection_metadata WHERE collection_id = ? ORDER BY key")) {
            ps.setString(1, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), value(rs));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("read the metadata of collection " + collectionId, e);
        }
        return values;
    }

    /** The first non-null of the typed columns 2 to 5; a row with none of them set reads as null. */
    private static Object value(ResultSet rs) throws SQLException {
        String s = rs.getString(2);
        if (s != null) {
            return s;
        }
        long i = rs.getLong(3);
        if (!rs.wasNull()) {
            return i;
        }
        double d = rs.getDouble(4);
        if (!rs.wasNull()) {
            return d;
        }
        boolean b = rs.getBoolean(5);
        return rs.wasNull() ? null : b;
    }
}
