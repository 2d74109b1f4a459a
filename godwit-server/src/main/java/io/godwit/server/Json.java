package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.GetResult;
import io.godwit.store.StoreCollection;

import java.util.Map;

/**
 * How the server writes what the store holds (API v1, until the server issue replaces it with
 * Chroma's v2): a collection as {@code {name, dimension, metadata}}, records as Chroma's parallel arrays.
 */
final class Json {
    /** Thread-safe once configured; shared by all requests. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode collection(StoreCollection c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", c.name());
        node.put("dimension", c.dimension().orElse(null));
        node.set("metadata", metadata(c.metadata()));
        return node;
    }

    static JsonNode metadata(Map<String, Object> metadata) {
        return metadata == null ? MAPPER.nullNode() : MAPPER.valueToTree(metadata);
    }

    static ObjectNode records(GetResult r) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        ArrayNode embeddings = body.putArray("embeddings");
        ArrayNode metadatas = body.putArray("metadatas");
        ArrayNode documents = body.putArray("documents");
        for (int i = 0; i < r.ids().size(); i++) {
            ids.add(r.ids().get(i));
            ArrayNode v = embeddings.addArray();
            for (float f : r.embeddings().get(i)) {
                v.add(f);
            }
            metadatas.add(metadata(r.metadatas().get(i) == null ? Map.of() : r.metadatas().get(i)));
            documents.add(r.documents().get(i));
        }
        return body;
    }
}
