package io.godwit.store.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.Space;
import io.godwit.store.StoreException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A collection's configuration as {@code collections.configuration_json_str} keeps it, in Chroma's
 * shape: {@code {"hnsw": {"space", "ef_construction", "ef_search", "max_neighbors", "resize_factor",
 * "sync_threshold", "batch_size"}, "embedding_function": descriptor | null}}. A stored {@code {}}
 * (release 0.1.0) means: from the {@code hnsw:*} metadata keys, else the defaults.
 */
public final class ConfigurationJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ConfigurationJson() {
    }

    public static String write(CollectionConfiguration c) {
        Map<String, Object> hnsw = new LinkedHashMap<>();
        hnsw.put("space", c.space().wireName());
        hnsw.put("ef_construction", c.efConstruction());
        hnsw.put("ef_search", c.efSearch());
        hnsw.put("max_neighbors", c.maxNeighbors());
        hnsw.put("resize_factor", c.resizeFactor());
        hnsw.put("sync_threshold", c.syncThreshold());
        hnsw.put("batch_size", c.batchSize());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("hnsw", hnsw);
        all.put("embedding_function", c.embeddingFunction());
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw StoreException.invalid("configuration: the embedding function descriptor is not JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static CollectionConfiguration read(String json, Map<String, Object> metadata) {
        Map<String, Object> all;
        try {
            all = json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            all = Map.of();
        }
        Object hnsw = all.get("hnsw");
        CollectionConfiguration c = hnsw instanceof Map<?, ?> m ? fromHnsw((Map<String, Object>) m) : fromMetadata(metadata);
        Object ef = all.get("embedding_function");
        return ef instanceof Map<?, ?> m ? c.withEmbeddingFunction((Map<String, Object>) m) : c;
    }

    private static CollectionConfiguration fromHnsw(Map<String, Object> h) {
        CollectionConfiguration d = CollectionConfiguration.defaults();
        return new CollectionConfiguration(
                h.get("space") instanceof String s ? Space.fromWireName(s) : d.space(),
                intOr(h.get("ef_construction"), d.efConstruction()), intOr(h.get("ef_search"), d.efSearch()),
                intOr(h.get("max_neighbors"), d.maxNeighbors()),
                h.get("resize_factor") instanceof Number n ? n.doubleValue() : d.resizeFactor(),
                intOr(h.get("sync_threshold"), d.syncThreshold()), intOr(h.get("batch_size"), d.batchSize()), null);
    }

    /** Chroma's {@code hnsw:*} metadata keys; absent ones keep the defaults; a bad value is refused naming the key. */
    public static CollectionConfiguration fromMetadata(Map<String, Object> metadata) {
        CollectionConfiguration c = CollectionConfiguration.defaults();
        if (metadata == null) {
            return c;
        }
        Object space = metadata.get("hnsw:space");
        if (space != null) {
            if (!(space instanceof String s)) {
                throw StoreException.invalid("metadata 'hnsw:space' must be one of l2, cosine, ip, got " + space);
            }
            c = c.withSpace(Space.fromWireName(s));
        }
        c = c.withEfConstruction(positive(metadata, "hnsw:construction_ef", c.efConstruction()))
                .withEfSearch(positive(metadata, "hnsw:search_ef", c.efSearch()))
                .withMaxNeighbors(positive(metadata, "hnsw:M", c.maxNeighbors()))
                .withSyncThreshold(positive(metadata, "hnsw:sync_threshold", c.syncThreshold()))
                .withBatchSize(positive(metadata, "hnsw:batch_size", c.batchSize()));
        Object resize = metadata.get("hnsw:resize_factor");
        if (resize instanceof Number n && n.doubleValue() > 0) {
            c = new CollectionConfiguration(c.space(), c.efConstruction(), c.efSearch(), c.maxNeighbors(), n.doubleValue(),
                    c.syncThreshold(), c.batchSize(), null);
        } else if (resize != null) {
            throw StoreException.invalid("metadata 'hnsw:resize_factor' must be a positive number, got " + resize);
        }
        return c;
    }

    /** Checks a configuration given by the caller. */
    public static CollectionConfiguration check(CollectionConfiguration c) {
        if (c.space() == null) {
            throw StoreException.invalid("configuration: space is required (l2, cosine or ip)");
        }
        for (Map.Entry<String, Integer> e : Map.of("ef_construction", c.efConstruction(), "ef_search", c.efSearch(),
                "max_neighbors", c.maxNeighbors(), "sync_threshold", c.syncThreshold(), "batch_size", c.batchSize()).entrySet()) {
            if (e.getValue() <= 0) {
                throw StoreException.invalid("configuration: " + e.getKey() + " must be positive, got " + e.getValue());
            }
        }
        if (!(c.resizeFactor() > 0)) {
            throw StoreException.invalid("configuration: resize_factor must be positive, got " + c.resizeFactor());
        }
        return c;
    }

    private static int positive(Map<String, Object> metadata, String key, int otherwise) {
        Object v = metadata.get(key);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw StoreException.invalid("metadata '" + key + "' must be a positive integer, got " + v);
    }

    private static int intOr(Object v, int otherwise) {
        return v instanceof Number n ? n.intValue() : otherwise;
    }
}
