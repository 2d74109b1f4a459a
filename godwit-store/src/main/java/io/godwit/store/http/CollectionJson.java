package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.godwit.store.http.JsonValues.NODES;
import static io.godwit.store.http.JsonValues.absent;

/**
 * Chroma's Collection object and the collection routes' bodies (create, modify), both ways. A
 * Collection is {@code {"id", "name", "configuration_json": {"hnsw": {...}, "spann": null,
 * "embedding_function": ...}, "metadata", "dimension", "tenant", "database", "log_position",
 * "version"}}, with {@code metadata} null when empty, as Chroma 1.0 answers.
 */
public final class CollectionJson {
    private static final Set<String> HNSW_KEYS = Set.of("space", "ef_construction", "ef_search", "max_neighbors",
            "num_threads", "resize_factor", "sync_threshold", "batch_size");

    private CollectionJson() {
    }

    /** What the client knows of a collection from the server's answer. */
    public record Description(UUID id, String name, String tenant, String database, Map<String, Object> metadata,
                              CollectionConfiguration configuration, Integer dimension) {
    }

    public static ObjectNode write(StoreCollection c) {
        ObjectNode o = NODES.objectNode();
        o.put("id", c.id().toString());
        o.put("name", c.name());
        o.set("configuration_json", writeConfiguration(c.configuration()));
        o.set("metadata", JsonValues.writeMetadataOrNull(c.metadata()));
        o.put("dimension", c.dimension().orElse(null));
        o.put("tenant", c.tenant());
        o.put("database", c.database());
        o.put("log_position", 0);
        o.put("version", 0);
        return o;
    }

    static ObjectNode writeConfiguration(CollectionConfiguration c) {
        ObjectNode o = NODES.objectNode();
        ObjectNode hnsw = o.putObject("hnsw");
        hnsw.put("space", c.space().wireName());
        hnsw.put("ef_construction", c.efConstruction());
        hnsw.put("ef_search", c.efSearch());
        hnsw.put("max_neighbors", c.maxNeighbors());
        hnsw.put("resize_factor", c.resizeFactor());
        hnsw.put("sync_threshold", c.syncThreshold());
        o.putNull("spann");
        o.set("embedding_function", c.embeddingFunction() == null ? NODES.nullNode()
                : JsonValues.writeValue(c.embeddingFunction()));
        return o;
    }

    public static Description read(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "collection");
        Map<String, Object> metadata = JsonValues.metadata(o.get("metadata"), "metadata");
        ObjectNode config = absent(o.get("configuration_json")) ? NODES.objectNode()
                : JsonValues.object(o.get("configuration_json"), "configuration_json");
        return new Description(uuid(JsonValues.string(o.get("id"), "id"), "id"), JsonValues.string(o.get("name"), "name"),
                JsonValues.string(o.get("tenant"), "tenant"), JsonValues.string(o.get("database"), "database"),
                metadata == null ? Map.of() : metadata,
                configuration(config, CollectionConfiguration.defaults(), "configuration_json"),
                JsonValues.optionalInt(o.get("dimension"), "dimension", 1));
    }

    /** A collection id from a path or a body; Chroma's message when it is not a UUID. */
    public static UUID uuid(String text, String what) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Refused below with Chroma's message.
        }
        throw StoreException.invalid("Collection ID is not a valid UUIDv4 (" + what + ")");
    }

    // Create.

    /** {@code {"name", "configuration"?, "metadata"?, "get_or_create"?}}. */
    public static CreateCollection create(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "body");
        if (absent(o.get("name"))) {
            throw StoreException.invalid("name: missing; give the collection's name");
        }
        Map<String, Object> metadata = JsonValues.metadata(o.get("metadata"), "metadata");
        Boolean getOrCreate = JsonValues.optionalBoolean(o.get("get_or_create"), "get_or_create");
        return CreateCollection.named(JsonValues.string(o.get("name"), "name"))
                .metadata(metadata)
                .configuration(createConfiguration(o.get("configuration"), metadata))
                .getOrCreate(getOrCreate != null && getOrCreate);
    }

    /**
     * Null (the store takes the {@code hnsw:*} metadata keys) unless the configuration says
     * something: an {@code hnsw} part wins over the metadata keys, as in Chroma; an embedding function
     * alone keeps the metadata's index parameters.
     */
    static CollectionConfiguration createConfiguration(JsonNode node, Map<String, Object> metadata) {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = JsonValues.object(node, "configuration");
        boolean hasHnsw = !absent(o.get("hnsw"));
        Map<String, Object> ef = embeddingFunction(o.get("embedding_function"));
        if (!hasHnsw && ef == null) {
            return null;
        }
        CollectionConfiguration base = hasHnsw ? CollectionConfiguration.defaults() : fromMetadata(metadata);
        return configuration(o, base, "configuration").withEmbeddingFunction(ef);
    }

    private static Map<String, Object> embeddingFunction(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> ef = (Map<String, Object>) JsonValues.plain(JsonValues.object(node,
                "configuration.embedding_function"), "configuration.embedding_function");
        return ef;
    }

    /** Chroma's {@code hnsw:*} collection metadata keys as a configuration. */
    static CollectionConfiguration fromMetadata(Map<String, Object> metadata) {
        CollectionConfiguration c = CollectionConfiguration.defaults();
        if (metadata == null) {
            return c;
        }
        Object space = metadata.get("hnsw:space");
        if (space != null) {
            c = c.withSpace(Space.fromWireName(String.valueOf(space)));
        }
        c = c.withEfConstruction(intKey(metadata, "hnsw:construction_ef", c.efConstruction()))
                .withEfSearch(intKey(metadata, "hnsw:search_ef", c.efSearch()))
                .withMaxNeighbors(intKey(metadata, "hnsw:M", c.maxNeighbors()))
                .withSyncThreshold(intKey(metadata, "hnsw:sync_threshold", c.syncThreshold()))
                .withBatchSize(intKey(metadata, "hnsw:batch_size", c.batchSize()));
        return c;
    }

    private static int intKey(Map<String, Object> metadata, String key, int fallback) {
        Object v = metadata.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Long l && l > 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw StoreException.invalid("metadata." + key + ": expected a positive whole number, got " + v);
    }

    /** {@code base} with the fields of {@code o.hnsw} that are given; unknown fields are refused. */
    static CollectionConfiguration configuration(ObjectNode o, CollectionConfiguration base, String path) {
        CollectionConfiguration c = base;
        if (!absent(o.get("embedding_function"))) {
            c = c.withEmbeddingFunction(embeddingFunction(o.get("embedding_function")));
        }
        if (absent(o.get("hnsw"))) {
            return c;
        }
        ObjectNode hnsw = JsonValues.object(o.get("hnsw"), path + ".hnsw");
        for (Iterator<String> it = hnsw.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!HNSW_KEYS.contains(key)) {
                throw StoreException.invalid(path + ".hnsw." + key + ": unknown field; expected one of space,"
                        + " ef_construction, ef_search, max_neighbors, num_threads, resize_factor, sync_threshold, batch_size");
            }
        }
        String at = path + ".hnsw.";
        String space = JsonValues.optionalString(hnsw.get("space"), at + "space");
        if (space != null) {
            c = c.withSpace(Space.fromWireName(space));
        }
        c = c.withEfConstruction(intField(hnsw, "ef_construction", at, c.efConstruction()))
                .withEfSearch(intField(hnsw, "ef_search", at, c.efSearch()))
                .withMaxNeighbors(intField(hnsw, "max_neighbors", at, c.maxNeighbors()))
                .withSyncThreshold(intField(hnsw, "sync_threshold", at, c.syncThreshold()))
                .withBatchSize(intField(hnsw, "batch_size", at, c.batchSize()));
        JsonNode resize = hnsw.get("resize_factor");
        if (!absent(resize)) {
            if (!resize.isNumber() || !(resize.doubleValue() > 0) || !Double.isFinite(resize.doubleValue())) {
                throw StoreException.invalid(at + "resize_factor: expected a positive number");
            }
            c = new CollectionConfiguration(c.space(), c.efConstruction(), c.efSearch(), c.maxNeighbors(),
                    resize.doubleValue(), c.syncThreshold(), c.batchSize(), c.embeddingFunction());
        }
        return c;
    }

    private static int intField(ObjectNode hnsw, String key, String at, int fallback) {
        Integer v = JsonValues.optionalInt(hnsw.get(key), at + key, 1);
        return v == null ? fallback : v;
    }

    // Modify.

    /** {@code {"new_name"?, "new_metadata"?, "new_configuration"?}} applied over the collection's configuration. */
    public static CollectionChange change(JsonNode body, CollectionConfiguration current) {
        ObjectNode o = JsonValues.object(body, "body");
        CollectionConfiguration configuration = absent(o.get("new_configuration")) ? null
                : configuration(JsonValues.object(o.get("new_configuration"), "new_configuration"), current,
                "new_configuration");
        return new CollectionChange(JsonValues.optionalString(o.get("new_name"), "new_name"),
                JsonValues.metadata(o.get("new_metadata"), "new_metadata"), configuration);
    }

    // Requests, written by the client.

    public static ObjectNode writeCreate(CreateCollection request, Map<String, Object> embeddingFunction) {
        ObjectNode o = NODES.objectNode();
        o.put("name", request.name());
        if (request.metadata() != null) {
            o.set("metadata", JsonValues.writeMetadata(request.metadata()));
        }
        CollectionConfiguration c = request.configuration();
        if (c != null || embeddingFunction != null) {
            ObjectNode config = c == null ? NODES.objectNode() : writeConfiguration(c);
            config.remove("spann");
            if (c != null) {
                ((ObjectNode) config.get("hnsw")).put("batch_size", c.batchSize());
            }
            config.set("embedding_function", JsonValues.writeValue(embeddingFunction != null ? embeddingFunction
                    : c.embeddingFunction()));
            o.set("configuration", config);
        }
        o.put("get_or_create", request.getOrCreate());
        return o;
    }

    public static ObjectNode writeChange(CollectionChange change) {
        ObjectNode o = NODES.objectNode();
        if (change.newName() != null) {
            o.put("new_name", change.newName());
        }
        if (change.newMetadata() != null) {
            o.set("new_metadata", JsonValues.writeMetadata(change.newMetadata()));
        }
        if (change.newConfiguration() != null) {
            ObjectNode config = writeConfiguration(change.newConfiguration());
            config.remove("spann");
            ((ObjectNode) config.get("hnsw")).put("batch_size", change.newConfiguration().batchSize());
            o.set("new_configuration", config);
        }
        return o;
    }
}
