package io.godwit.store.local;

import io.godwit.store.StoreStats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads {@link StoreStats} in one read snapshot: two counts, and a grouped count when per-collection figures are asked for. */
public final class StatsReader {
    private StatsReader() {
    }

    public static StoreStats read(Store store, boolean perCollection) {
        return store.connections().read("read the store's sizes", c -> new StoreStats(
                Jdbc.longValue(c, 0, "SELECT count(*) FROM collections"),
                Jdbc.longValue(c, 0, "SELECT count(*) FROM embeddings_queue"),
                perCollection ? byCollection(c) : Map.of()));
    }

    private static Map<String, Long> byCollection(Connection c) throws SQLException {
        Map<String, Long> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.name, (SELECT count(*) FROM embeddings_queue q"
                + " WHERE q.topic = c.topic) FROM collections c");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
        return entries;
    }
}
