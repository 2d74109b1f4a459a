package io.godwit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Map;

/**
 * One request as an endpoint sees it: the values of the path's {@code {placeholders}} and the
 * body, read whole by the router (within its size limit).
 */
record ApiRequest(String method, String path, Map<String, String> params, byte[] body) {

    String param(String name) {
        return params.get(name);
    }

    /** The body as a JSON object; anything else is a 400 saying where the JSON went wrong. */
    JsonNode json() {
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("The request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw ApiError.invalid("The request body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid(method + " " + path + " takes a JSON object as its body");
        }
        return node;
    }
}
