package io.godwit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.Collection;
import io.godwit.store.StoredEmbedding;

import java.util.List;
import java.util.Map;

/**
 * How the server writes what the store holds, in the format of the README (Server and HTTP client): a collection as
 * {@code {name, dimension, metadata}}, records as Chroma's parallel arrays.
 */
final class Json {
    /** Thread-safe once configured; shared by all requests. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode collection(Collection c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", c.name());
        node.put("dimension", c.dimension().orElse(null));
        node.set("metadata", metadata(c.metadata()));
        return node;
    }

    /** {@code ids}, {@code embeddings}, {@code metadatas}, {@code documents}: element i of each is record i. */
    static ObjectNode records(List<StoredEmbedding> records) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode ids = node.putArray("ids");
        ArrayNode embeddings = node.putArray("embeddings");
        ArrayNode metadatas = node.putArray("metadatas");
        ArrayNode documents = node.putArray("documents");
        for (StoredEmbedding r : records) {
            ids.add(r.id());
            embeddings.add(vector(r.embedding()));
            metadatas.add(metadata(r.metadata()));
            documents.add(r.document());
        }
        return node;
    }

    /** Floats written as floats, so that a value read back as a float is the one stored. */
    static ArrayNode vector(float[] values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (float v : values) {
            array.add(v);
        }
        return array;
    }

    static ObjectNode metadata(Map<String, Object> values) {
        return MAPPER.valueToTree(values);
    }
}
