package io.godwit.store.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.Space;

import java.nio.file.Path;
import java.util.Map;

/**
 * A collection's index configuration from what each Chroma release recorded: the {@code hnsw:*}
 * metadata keys (every release; the only place before 0.6), Python's
 * {@code {"hnsw_configuration": {...}}} (0.6), or the Rust server's
 * {@code {"vector_index": {"hnsw": {...}}}} (1.x). The configuration object wins over the
 * metadata keys, as in Chroma; what neither gives is Chroma's default.
 */
final class Configurations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Configurations() {
    }

    static CollectionConfiguration fromMetadata(Map<String, Object> metadata) {
        CollectionConfiguration c = CollectionConfiguration.defaults();
        if (metadata.get("hnsw:space") instanceof String space) {
            c = c.withSpace(Space.fromWireName(space));
        }
        c = intKey(metadata, "hnsw:construction_ef").map(c::withEfConstruction).orElse(c);
        c = intKey(metadata, "hnsw:search_ef").map(c::withEfSearch).orElse(c);
        c = intKey(metadata, "hnsw:M").map(c::withMaxNeighbors).orElse(c);
        c = intKey(metadata, "hnsw:sync_threshold").map(c::withSyncThreshold).orElse(c);
        return intKey(metadata, "hnsw:batch_size").map(c::withBatchSize).orElse(c);
    }

    /** The configuration in {@code json} (a {@code config_json_str}) over the metadata's; {@code file} names it in errors. */
    static CollectionConfiguration from(String json, Map<String, Object> metadata, Path file, String collection) {
        CollectionConfiguration c = fromMetadata(metadata);
        if (json == null || json.isBlank()) {
            return c;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ImportException(file, file + ": the configuration of collection " + collection
                    + " is not JSON (" + e.getOriginalMessage() + "). Is this a chroma.sqlite3 written by Chroma?");
        }
        JsonNode hnsw = root.path("vector_index").path("hnsw");
        if (hnsw.isMissingNode()) {
            hnsw = root.path("hnsw_configuration");
        }
        if (hnsw.isObject()) {
            c = apply(c, hnsw);
        }
        JsonNode ef = root.path("embedding_function");
        if (ef.isObject()) {
            c = c.withEmbeddingFunction(JSON.convertValue(ef, Map.class));
        }
        return c;
    }

    private static CollectionConfiguration apply(CollectionConfiguration c, JsonNode hnsw) {
        if (hnsw.path("space").isTextual()) {
            c = c.withSpace(Space.fromWireName(hnsw.path("space").textValue()));
        }
        c = hnsw.path("ef_construction").isInt() ? c.withEfConstruction(hnsw.path("ef_construction").intValue()) : c;
        c = hnsw.path("ef_search").isInt() ? c.withEfSearch(hnsw.path("ef_search").intValue()) : c;
        c = hnsw.path("max_neighbors").isInt() ? c.withMaxNeighbors(hnsw.path("max_neighbors").intValue()) : c;
        c = hnsw.path("M").isInt() ? c.withMaxNeighbors(hnsw.path("M").intValue()) : c;
        c = hnsw.path("sync_threshold").isInt() ? c.withSyncThreshold(hnsw.path("sync_threshold").intValue()) : c;
        c = hnsw.path("batch_size").isInt() ? c.withBatchSize(hnsw.path("batch_size").intValue()) : c;
        if (hnsw.path("resize_factor").isNumber()) {
            c = new CollectionConfiguration(c.space(), c.efConstruction(), c.efSearch(), c.maxNeighbors(),
                    hnsw.path("resize_factor").doubleValue(), c.syncThreshold(), c.batchSize(), c.embeddingFunction());
        }
        return c;
    }

    private static java.util.Optional<Integer> intKey(Map<String, Object> metadata, String key) {
        return metadata.get(key) instanceof Number n ? java.util.Optional.of(n.intValue()) : java.util.Optional.empty();
    }
}
