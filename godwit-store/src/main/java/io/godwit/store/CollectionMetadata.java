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
                    values.put(rs.getString(1), MetadataValue.read(rs, 2));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("read the metadata of collection " + collectionId, e);
        }
        return values;
    }
}
