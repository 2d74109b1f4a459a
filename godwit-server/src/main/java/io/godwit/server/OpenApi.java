package io.godwit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.Version;

import java.util.List;
import java.util.Locale;

import static io.godwit.server.ApiResponse.NODES;

/**
 * The OpenAPI 3 document served at {@code /openapi.json}, made from the route table itself so it
 * cannot fall behind the routes: every path, method, path parameter, summary, and the security scheme
 * when a token is configured. Bodies and answers are Chroma's (see the README's API section).
 */
final class OpenApi {
    private OpenApi() {
    }

    static ObjectNode document(List<Route> routes, boolean secured) {
        ObjectNode doc = NODES.objectNode().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Godwit: Chroma's HTTP API v2").put("version", Version.get())
                .put("description", "Errors are {\"error\": NAME, \"message\": TEXT}. /api/v1/* answers 410.");
        if (secured) {
            ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
            schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
            schemes.putObject("x_chroma_token").put("type", "apiKey").put("in", "header").put("name", "X-Chroma-Token");
        }
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode path = paths.has(route.pattern()) ? (ObjectNode) paths.get(route.pattern())
                    : paths.putObject(route.pattern());
            path.set(route.method().toLowerCase(Locale.ROOT), operation(route, secured));
        }
        return doc;
    }

    private static ObjectNode operation(Route route, boolean secured) {
        ObjectNode op = NODES.objectNode().put("summary", route.summary());
        ArrayNode params = op.putArray("parameters");
        for (String segment : route.segments()) {
            if (segment.startsWith("{")) {
                params.addObject().put("name", segment.substring(1, segment.length() - 1)).put("in", "path")
                        .put("required", true).putObject("schema").put("type", "string");
            }
        }
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            op.putObject("requestBody").putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
        }
        ObjectNode responses = op.putObject("responses");
        String ok = route.pattern().endsWith("/add") ? "201" : "200";
        responses.putObject(ok).put("description", "success");
        responses.putObject("4XX").put("description", "{\"error\", \"message\"}: the request is refused");
        if (secured && !route.open()) {
            ArrayNode security = op.putArray("security");
            security.addObject().putArray("bearer");
            security.addObject().putArray("x_chroma_token");
        }
        return op;
    }
}
