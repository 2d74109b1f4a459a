package io.godwit.store.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a client does once the migrations have run: make the store's epoch on its first open, and
 * give collections of release 0.1.0 (which had a metadata segment only) their vector segment.
 * One write; a no-op on a store that has both.
 */
final class StoreOpening {
    private StoreOpening() {
    }

    static void prepare(Store store) {
        store.connections().write("open the store", c -> {
            StoreEpoch.ensure(c);
            for (String collection : withoutVectorSegment(c)) {
                String topic = Jdbc.stringValue(c, "SELECT topic FROM collections WHERE id = ?", collection);
                Jdbc.update(c, "INSERT INTO segments (id, type, scope, topic, collection) VALUES (?, ?, 'VECTOR', ?, ?)",
                        UUID.randomUUID().toString(), CollectionRows.VECTOR_TYPE, topic, collection);
            }
            return null;
        });
    }

    private static List<String> withoutVectorSegment(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM collections c WHERE NOT EXISTS"
                + " (SELECT 1 FROM segments s WHERE s.collection = c.id AND s.scope = 'VECTOR')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
