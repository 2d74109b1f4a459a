package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.godwit.server.HttpLayerTest.error;
import static io.godwit.server.HttpLayerTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes the Chroma 1.0 peer lacks or answers otherwise, checked against Chroma's source
 * (chroma-core/chroma, rust/frontend/src/server.rs and the types it uses) instead of the peer:
 * each row of suite {@value #SUITE} in the store's chroma-differences.json is sent to Godwit, which
 * must answer as its {@code godwit} side says (so a stale row fails); the routes where Godwit
 * answers as single-node Chroma does (by-id; 501 for fork, search and the rest) are asserted here.
 */
class ChromaSourceRoutesTest {
    static final String SUITE = "chroma-source";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "/api/v2/tenants/default_tenant/databases/default_database";

    static GodwitServer server;
    static String id;

    @BeforeAll
    static void start() {
        StoreClient store = GodwitClient.ephemeral();
        store.createTenant("gone_tenant");
        StoreCollection books = store.getOrCreateCollection("books");
        books.add(RecordBatch.of("a").embeddings(List.of(new float[] {1, 0})).metadatas(List.of(Map.of("k", "v"))));
        id = books.id().toString();
        server = GodwitServer.start(ServerConfig.defaults().withPort(0), store);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyListedDifferenceIsWhatGodwitAnswers() throws Exception {
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (JsonNode row : table().get("differences")) {
            if (!SUITE.equals(row.get("suite").asText())) {
                continue;
            }
            rows++;
            assertThat(row.path("why").asText()).as(row.get("case").asText()).isNotBlank();
            assertThat(row.at("/chroma/source").asText()).as(row.get("case").asText()).isNotBlank();
            JsonNode request = row.get("request");
            HttpResponse<String> r = send(server.uri(), request.get("method").asText(),
                    request.get("path").asText().replace("{id}", id),
                    request.has("body") ? JSON.writeValueAsString(request.get("body")) : null, null);
            JsonNode godwit = row.get("godwit");
            if (r.statusCode() != godwit.get("status").asInt()) {
                problems.add(row.get("case").asText() + ": " + r.statusCode() + " " + r.body());
            }
            for (JsonNode field : godwit.path("absent")) {
                if (JSON.readTree(r.body()).has(field.asText())) {
                    problems.add(row.get("case").asText() + ": has " + field.asText());
                }
            }
            if (r.statusCode() >= 400) {
                error(r);
            }
        }
        assertThat(rows).isGreaterThanOrEqualTo(7);
        assertThat(problems).isEmpty();
    }

    @Test
    void routesSingleNodeChromaCannotServeAre501Unimplemented() throws Exception {
        String c = DB + "/collections/" + id;
        String[][] routes = {{"POST", c + "/fork"}, {"GET", c + "/fork_count"}, {"POST", c + "/search"},
                {"POST", c + "/conditional/get"}, {"POST", c + "/conditional/commit"}, {"POST", c + "/functions/attach"},
                {"GET", c + "/functions/f"}, {"POST", c + "/attached_functions/f/add_input"},
                {"POST", c + "/attached_functions/f/detach"}};
        for (String[] route : routes) {
            HttpResponse<String> r = send(server.uri(), route[0], route[1], route[0].equals("POST") ? "{}" : null, null);
            assertThat(r.statusCode()).as(route[1]).isEqualTo(501);
            assertThat(error(r).get("error").asText()).isEqualTo("Unimplemented");
            assertThat(error(r).get("message").asText()).contains("not supported by Godwit");
        }
    }

    @Test
    void aCollectionByIdAnswersAsChromaDoes() throws Exception {
        HttpResponse<String> found = send(server.uri(), "GET", DB + "/collections/by-id/" + id, null, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).get("name").asText()).isEqualTo("books");
        HttpResponse<String> absent = send(server.uri(), "GET", DB + "/collections/by-id/00000000-0000-4000-8000-000000000000",
                null, null);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(error(absent).get("error").asText()).isEqualTo("NotFoundError");
        HttpResponse<String> malformed = send(server.uri(), "GET", DB + "/collections/by-id/not-a-uuid", null, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed).get("error").asText()).isEqualTo("InvalidArgumentError");
    }

    private static JsonNode table() throws Exception {
        try (InputStream in = ChromaSourceRoutesTest.class.getResourceAsStream("/chroma-differences.json")) {
            assertThat(in).as("chroma-differences.json from godwit-store's test-jar").isNotNull();
            return JSON.readTree(in);
        }
    }
}
