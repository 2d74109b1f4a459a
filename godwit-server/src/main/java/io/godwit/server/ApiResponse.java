package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

/** An endpoint's answer: a status and a JSON body. */
record ApiResponse(int status, JsonNode body) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body);
    }

    static ApiResponse of(ApiError e) {
        return new ApiResponse(e.status(), Json.MAPPER.createObjectNode().put("error", e.error()).put("message", e.getMessage()));
    }
}
