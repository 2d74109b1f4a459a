package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.LegacyStoreCollection;
import io.godwit.store.StoredEmbedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection on a Godwit server. Each method is one HTTP request; the batch forms
 * ({@link #add(List)}, {@link #get(List)}, {@link #query(List, int)}) carry many records in one,
 * as Chroma's API does. Name, dimension and metadata are those the server described when the
 * collection was created or looked up (they do not change).
 */
public final class HttpCollection implements LegacyStoreCollection {
    private final Transport transport;
    private final String name;
    private final Integer dimension;
    private final Map<String, Object> metadata;
    private final String path;

    HttpCollection(Transport transport, JsonNode description) {
        this.transport = transport;
        this.name = description.path("name").asText();
        this.dimension = description.path("dimension").isInt() ? description.get("dimension").intValue() : null;
        this.metadata = Map.copyOf(Wire.metadata(description.path("metadata")));
        this.path = "api/v1/collections/" + Transport.segment(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Integer> dimension() {
        return Optional.ofNullable(dimension);
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public void add(String recordId, float[] embedding, Map<String, Object> metadata, String document) {
        add(List.of(new StoredEmbedding(recordId, embedding, metadata, document)));
    }

    /**
     * Adds the records in one request. The server checks them all (dimension, metadata types, ids
     * not yet present) before writing any; it then writes them one by one, each all or nothing.
     */
    public void add(List<StoredEmbedding> records) {
        transport.post(path + "/add", Wire.records(records));
    }

    @Override
    public long count() {
        return transport.get(path + "/count").path("count").longValue();
    }

    @Override
    public Optional<StoredEmbedding> get(String recordId) {
        return get(List.of(recordId)).stream().findFirst();
    }

    /** The records with these ids, in the order asked; ids not present are left out. */
    public List<StoredEmbedding> get(List<String> recordIds) {
        ObjectNode body = Transport.JSON.createObjectNode();
        recordIds.forEach(body.putArray("ids")::add);
        return Wire.records(transport.post(path + "/get", body));
    }

    @Override
    public List<String> query(float[] query, int k) {
        return query(List.of(query), k).get(0);
    }

    /** For each query vector, the ids of its {@code k} nearest records, nearest first. */
    public List<List<String>> query(List<float[]> queries, int k) {
        ObjectNode body = Transport.JSON.createObjectNode();
        ArrayNode vectors = body.putArray("query_embeddings");
        queries.forEach(q -> vectors.add(Wire.vector(q)));
        body.put("n_results", k);
        List<List<String>> results = new ArrayList<>();
        transport.post(path + "/query", body).path("ids").forEach(ids -> results.add(Wire.strings(ids)));
        return results;
    }

    @Override
    public String toString() {
        return "HttpCollection[" + name + " at " + transport.base() + "]";
    }
}
