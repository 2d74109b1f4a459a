package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as an endpoint sees it: the path's named parts (percent-decoded one segment at a time,
 * so an encoded {@code /} never splits a path), the query string's parameters and the parsed body.
 */
record ApiRequest(String method, String path, Map<String, String> params, Map<String, String> query, JsonNode body) {

    String param(String name) {
        return params.get(name);
    }

    /** A non-negative whole number from the query string, or null when absent. */
    Integer queryInt(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw ApiError.invalid(name + ": expected a whole number of at least 0 in the query string");
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("The request path or query holds a malformed percent-encoding");
        }
    }
}
