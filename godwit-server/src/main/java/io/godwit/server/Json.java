package io.godwit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.Collection;
import io.godwit.store.http.Wire;

/**
 * How the server writes what the store holds, in the format of the README (Server and HTTP client): a collection as
 * {@code {name, dimension, metadata}}, records as Chroma's parallel arrays (written by
 * the store's {@link Wire}, which the HTTP client reads them with).
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
        node.set("metadata", Wire.metadata(c.metadata()));
        return node;
    }
}
