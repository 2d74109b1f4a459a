package io.godwit.server;

import io.godwit.Version;
import io.godwit.store.StoreClient;

import java.time.Instant;

/** The API's endpoints, as the README (Server and HTTP client) lists them: the one place a path is bound to code. */
final class Api {
    static final String V1 = "/api/v1";

    private Api() {
    }

    static Router router(StoreClient store) {
        CollectionsApi collections = new CollectionsApi(store);
        return new Router()
                .get(V1 + "/heartbeat", r -> ApiResponse.ok(Json.MAPPER.createObjectNode().put("nanosecond heartbeat", nowNanos())))
                .get(V1 + "/version", r -> ApiResponse.ok(Json.MAPPER.createObjectNode().put("version", Version.get())))
                .get(V1 + "/collections", collections::list)
                .post(V1 + "/collections", collections::create)
                .get(V1 + "/collections/{name}", collections::describe)
                .post(V1 + "/collections/{name}/add", collections::add)
                .get(V1 + "/collections/{name}/count", collections::count)
                .post(V1 + "/collections/{name}/get", collections::get)
                .post(V1 + "/collections/{name}/query", collections::query);
    }

    /** Chroma's heartbeat: the server's wall clock in nanoseconds since the epoch. */
    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
