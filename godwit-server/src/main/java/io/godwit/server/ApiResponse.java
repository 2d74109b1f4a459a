package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** An endpoint's answer: a status and a JSON body (Chroma answers even counts and versions as JSON). */
record ApiResponse(int status, JsonNode body) {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    /** {@code {}}, Chroma's answer to most writes. */
    static ApiResponse empty() {
        return ok(NODES.objectNode());
    }

    static ApiResponse of(ApiError e) {
        return new ApiResponse(e.status, NODES.objectNode().put("error", e.error).put("message", e.getMessage()));
    }
}
