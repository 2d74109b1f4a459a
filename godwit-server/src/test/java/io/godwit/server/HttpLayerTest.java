package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.GodwitException;
import io.godwit.store.GodwitClient;
import io.godwit.store.StoreClient;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP layer, whatever the store: v1's 410, unknown routes, malformed and hostile JSON, oversize
 * bodies (the 413 arrives whole), the token, the OpenAPI document, the batch limit and failures of
 * the store. The store behind the server is an ephemeral (in-memory) one.
 */
class HttpLayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String DB = "/api/v2/tenants/default_tenant/databases/default_database";
    private static final int SMALL_BODY = 64 << 10;

    static GodwitServer server;

    @BeforeAll
    static void start() {
        server = GodwitServer.start(ServerConfig.defaults().withPort(0).withMaxBodyBytes(SMALL_BODY), store());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A new in-memory store. */
    static StoreClient store() {
        return GodwitClient.ephemeral();
    }

    @Test
    void v1IsGoneForEveryMethod() throws Exception {
        for (String method : new String[] {"GET", "POST", "DELETE", "PUT"}) {
            HttpResponse<String> r = send(server.uri(), method, "/api/v1/collections", "{}", null);
            assertThat(r.statusCode()).isEqualTo(410);
            assertThat(r.body()).isEqualTo("{\"error\":\"Unimplemented\",\"message\":\"The v1 API is deprecated. Please use /v2 apis\"}");
        }
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() throws Exception {
        HttpResponse<String> unknown = send(server.uri(), "GET", "/api/v2/nothing", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).get("error").asText()).isEqualTo("NotFoundError");
        HttpResponse<String> method = send(server.uri(), "DELETE", "/api/v2/heartbeat", null, null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void malformedJsonIsA400InTheServersWords() throws Exception {
        for (String body : new String[] {"{\"name\": ", "{name: 1}", "[1, 2", "{\"name\": \"abc\"} trailing", "\u0000",
                "{\"name\": Nope}"}) {
            HttpResponse<String> r = send(server.uri(), "POST", "/api/v2/tenants", body, null);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            String message = error(r).get("message").asText();
            assertThat(message).as(body).startsWith("The request body is not valid JSON");
            assertThat(r.body()).doesNotContain("jackson", "Jackson", "Unexpected character", "Exception", "\tat ");
        }
    }

    @Test
    void deepNestingIsRefusedBeforeItIsBuilt() throws Exception {
        String deep = "{\"where\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        HttpResponse<String> r = send(server.uri(), "POST", DB + "/collections/" + java.util.UUID.randomUUID() + "/get",
                deep, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("message").asText()).contains("nesting depth " + Json.MAX_DEPTH);
    }

    @Test
    void anOversizeBodyGetsTheWhole413BeforeTheConnectionCloses() throws Exception {
        byte[] body = new byte[SMALL_BODY * 8];
        Arrays.fill(body, (byte) ' ');
        String declared = RawHttp.exchange(server.uri(), "POST " + DB + "/collections HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length, body);
        assertThat(declared).startsWith("HTTP/1.1 413");
        assertThat(declared).endsWith("\"message\":\"" + ApiError.tooLarge(SMALL_BODY).getMessage() + "\"}");
        String chunked = RawHttp.exchange(server.uri(), "POST " + DB + "/collections HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(SMALL_BODY * 8, (byte) ' '));
        assertThat(chunked).startsWith("HTTP/1.1 413").contains("PayloadTooLargeError");
        assertThat(send(server.uri(), "GET", "/api/v2/heartbeat", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchOverMaxBatchSizeIsRefusedNamingTheLimit() throws Exception {
        int max = io.godwit.store.Settings.DEFAULT_MAX_BATCH_SIZE;
        StringBuilder ids = new StringBuilder("{\"ids\": [");
        for (int i = 0; i <= max; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        ids.append("]}");
        GodwitServer big = GodwitServer.start(ServerConfig.defaults().withPort(0), store());
        try (big) {
            HttpResponse<String> r = send(big.uri(), "POST", DB + "/collections/" + java.util.UUID.randomUUID() + "/delete",
                    ids.toString(), null);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(error(r).get("message").asText()).contains("max_batch_size of " + max);
        }
    }

    @Test
    void aTokenGuardsEveryRouteButHeartbeat() throws Exception {
        try (GodwitServer guarded = GodwitServer.start(ServerConfig.defaults().withPort(0).withAuthToken("s3cret"),
                store())) {
            URI uri = guarded.uri();
            assertThat(send(uri, "GET", "/api/v2/heartbeat", null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> none = send(uri, "GET", "/api/v2/version", null, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(error(none).get("message").asText()).contains("Authorization: Bearer TOKEN");
            assertThat(send(uri, "GET", "/api/v2/version", null, "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(send(uri, "GET", "/api/v2/version", null, "Bearer s3cret").statusCode()).isEqualTo(200);
            HttpResponse<String> chroma = HTTP.send(HttpRequest.newBuilder(uri.resolve("/api/v2/version"))
                    .header("X-Chroma-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chroma.statusCode()).isEqualTo(200);
            assertThat(send(uri, "GET", "/openapi.json", null, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefused() {
        assertThatThrownBy(() -> GodwitServer.start(ServerConfig.defaults().withPort(0).withHost("0.0.0.0"), store()))
                .isInstanceOf(GodwitException.class)
                .hasMessageContaining("--allow-unauthenticated")
                .satisfies(e -> assertThat(((GodwitException) e).exitCode()).isEqualTo(GodwitException.EXIT_USAGE));
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() throws Exception {
        JsonNode doc = JSON.readTree(send(server.uri(), "GET", "/openapi.json", null, null).body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<Route> routes;
        try (StoreClient store = store()) {
            routes = GodwitServer.routes(store, Auth.none());
        }
        for (Route route : routes) {
            if (route.pattern().equals("/openapi.json")) {
                continue;
            }
            assertThat(doc.get("paths").has(route.pattern())).as(route.pattern()).isTrue();
        }
        assertThat(doc.at("/paths/" + (DB.replace("/", "~1")) + "~1collections").isMissingNode()).isTrue();
        assertThat(doc.get("paths").has(CollectionRoutes.COLLECTIONS + "/{collection}/query")).isTrue();
    }

    @Test
    void aStoreThatFailsIsA500WithItsMessageAndNoInternals() throws Exception {
        StoreClient unreachable = HttpGodwitClient.connect(URI.create("http://127.0.0.1:" + freePort()), null,
                Duration.ofSeconds(5));
        try (GodwitServer broken = GodwitServer.start(ServerConfig.defaults().withPort(0), unreachable)) {
            HttpResponse<String> r = send(broken.uri(), "GET", "/api/v2/heartbeat", null, null);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(error(r).get("error").asText()).isEqualTo("InternalError");
            assertThat(error(r).get("message").asText()).startsWith("Cannot reach the Godwit server at");
            assertThat(r.body()).doesNotContain("\tat ", "java.");
            assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    static HttpResponse<String> send(URI server, String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode node = JSON.readTree(r.body());
        assertThat(node.has("error") && node.has("message")).as(r.body()).isTrue();
        assertThat(node.size()).isEqualTo(2);
        return node;
    }

    /** A port nothing listens on (bound, then released). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
