package io.godwit.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One endpoint: a method, a path pattern whose {@code {name}} segments capture values, a summary for
 * the OpenAPI document, and whether it answers without a token (heartbeat only).
 */
record Route(String method, String pattern, String summary, boolean open, Endpoint endpoint) {

    /** Runs on a pool thread, any number at once; throws {@link ApiError} or a StoreException to refuse. */
    interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }

    String[] segments() {
        return split(pattern);
    }

    /** The captured values, or null when the path does not match. */
    Map<String, String> match(String[] path) {
        String[] pattern = segments();
        if (path.length != pattern.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < path.length; i++) {
            if (pattern[i].startsWith("{")) {
                params.put(pattern[i].substring(1, pattern[i].length() - 1), ApiRequest.decode(path[i]));
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    /** The non-empty segments of a raw path: {@code /api/v2/x/} and {@code /api/v2/x} alike. */
    static String[] split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
