package io.godwit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.StoreClient;

import java.util.List;

import static io.godwit.server.ApiResponse.NODES;

/** Heartbeat, version, healthcheck, pre-flight checks, identity and reset: Chroma's system routes. */
final class SystemRoutes {
    private final StoreClient store;

    SystemRoutes(StoreClient store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v2/heartbeat", "The server's clock in nanoseconds; needs no token", true, r -> heartbeat()),
                new Route("GET", "/api/v2", "Same as /api/v2/heartbeat", true, r -> heartbeat()),
                new Route("GET", "/api/v2/version", "The Godwit release, as a JSON string", false, r -> version()),
                new Route("GET", "/api/v2/healthcheck", "Whether the store answers", false, r -> healthcheck()),
                new Route("GET", "/api/v2/pre-flight-checks", "max_batch_size and supports_base64_encoding", false,
                        r -> preflight()),
                new Route("GET", "/api/v2/auth/identity", "The caller's tenant and databases", false, r -> identity()),
                new Route("POST", "/api/v2/reset", "Empties the store; 403 unless allowReset", false, r -> reset()));
    }

    private ApiResponse heartbeat() {
        return ApiResponse.ok(NODES.objectNode().put("nanosecond heartbeat", store.heartbeat()));
    }

    private ApiResponse version() {
        return ApiResponse.ok(NODES.textNode(store.version()));
    }

    private ApiResponse healthcheck() {
        store.heartbeat();
        return ApiResponse.ok(NODES.objectNode().put("is_executor_ready", true).put("is_log_client_ready", true));
    }

    private ApiResponse preflight() {
        return ApiResponse.ok(NODES.objectNode().put("max_batch_size", store.settings().maxBatchSize())
                .put("supports_base64_encoding", true));
    }

    private ApiResponse identity() {
        ObjectNode o = NODES.objectNode().put("user_id", "").put("tenant", store.settings().defaultTenant());
        o.putArray("databases").add(store.settings().defaultDatabase());
        return ApiResponse.ok(o);
    }

    private ApiResponse reset() {
        store.reset();
        return ApiResponse.ok(NODES.booleanNode(true));
    }
}
