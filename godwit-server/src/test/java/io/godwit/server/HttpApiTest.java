package io.godwit.server;

import io.godwit.Version;
import io.godwit.store.GodwitClient;
import io.godwit.store.StoredEmbedding;
import io.godwit.store.http.HttpCollection;
import io.godwit.store.http.HttpGodwitClient;
import io.godwit.store.http.HttpStoreError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP API itself, beyond the shared contract: status codes and error codes, the JSON error
 * body (never a stack trace), the batch forms, and that what a server writes is in the store.
 * Fixture: a server on a free loopback port over a fresh persist directory.
 */
class HttpApiTest {
    @TempDir
    Path dir;
    GodwitServer server;
    HttpGodwitClient client;
    RawHttp raw;

    @BeforeEach
    void start() {
        server = GodwitServer.start(ServerConfig.of(new StoreLocation.Directory(dir)).withPort(0));
        client = HttpGodwitClient.connect("127.0.0.1", server.port());
        raw = new RawHttp(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void heartbeatVersionAndALoopbackAddress() {
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(client.heartbeat()).isPositive();
        assertThat(client.version()).isEqualTo(Version.get());
    }

    @Test
    void batchesAddGetAndQueryManyRecordsInOneRequest() {
        HttpCollection points = client.createCollection("points", 2);
        points.add(List.of(new StoredEmbedding("x", new float[] {1, 0}, Map.of("axis", "x"), "east"),
                new StoredEmbedding("y", new float[] {0, 1}, null, null),
                new StoredEmbedding("xy", new float[] {0.7f, 0.7f}, Map.of(), "north-east")));
        assertThat(points.count()).isEqualTo(3);
        assertThat(points.get(List.of("xy", "missing", "x"))).extracting(StoredEmbedding::id).containsExactly("xy", "x");
        assertThat(points.query(List.of(new float[] {1, 0}, new float[] {0, 1}), 2))
                .containsExactly(List.of("x", "xy"), List.of("y", "xy"));
    }

    @Test
    void whatTheServerWroteIsInTheStoreAfterItStops() {
        client.createCollection("books", 2, Map.of("owner", "ann")).add("a", new float[] {0.25f, -1}, Map.of("n", 1), "doc");
        server.close();
        try (GodwitClient local = GodwitClient.persistent(dir)) {
            var books = local.getCollection("books").orElseThrow();
            assertThat(books.metadata()).isEqualTo(Map.of("owner", "ann"));
            assertThat(books.get("a").orElseThrow().embedding()).containsExactly(0.25f, -1f);
        }
    }

    @Test
    void anUnknownCollectionIs404() throws Exception {
        assertThat(client.getCollection("nope")).isEmpty();
        RawHttp.Answer count = raw.get("/api/v1/collections/nope/count");
        assertThat(count.status()).isEqualTo(404);
        assertThat(count.json().get("error").asText()).isEqualTo("CollectionNotFound");
        assertThat(count.json().get("message").asText()).isEqualTo("Collection nope does not exist");
        assertThat(raw.post("/api/v1/collections/nope/add", "{\"ids\": [\"a\"], \"embeddings\": [[1]]}").status()).isEqualTo(404);
    }

    @Test
    void aWrongDimensionIs400AndTheBatchIsNotWritten() {
        HttpCollection books = client.createCollection("books", 3);
        assertThatThrownBy(() -> books.add(List.of(new StoredEmbedding("a", new float[] {1, 0, 0}, Map.of(), null),
                new StoredEmbedding("b", new float[] {1, 0}, Map.of(), null))))
                .isInstanceOfSatisfying(HttpStoreError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).isEqualTo("Collection books holds vectors of dimension 3, got 2 in embeddings[1] (id b)");
                });
        assertThat(books.count()).isZero();
        assertThatThrownBy(() -> books.query(new float[] {1}, 1))
                .isInstanceOfSatisfying(HttpStoreError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aDuplicateIs409() {
        HttpCollection books = client.createCollection("books", 1);
        assertThatThrownBy(() -> client.createCollection("books", 1)).isInstanceOfSatisfying(HttpStoreError.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.error()).isEqualTo("AlreadyExists");
            assertThat(e.getMessage()).isEqualTo("Collection books already exists");
        });
        books.add("a", new float[] {1}, Map.of(), null);
        assertThatThrownBy(() -> books.add(List.of(new StoredEmbedding("new", new float[] {2}, Map.of(), null),
                new StoredEmbedding("a", new float[] {3}, Map.of(), null))))
                .isInstanceOfSatisfying(HttpStoreError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Record a already exists in collection books; nothing was added");
                });
        assertThat(books.count()).isEqualTo(1);
    }

    @Test
    void badRequestsAre400WithTheFieldNamed() throws Exception {
        client.createCollection("books", 2);
        assertThat(message(raw.post("/api/v1/collections", "{\"name\": \"has space\"}"), 400))
                .startsWith("name must be 1 to 63 letters");
        assertThat(message(raw.post("/api/v1/collections", "{\"name\": \"x\", \"dimension\": 0}"), 400))
                .isEqualTo("dimension must be a whole number of at least 1, not 0");
        assertThat(message(raw.post("/api/v1/collections/books/add",
                "{\"ids\": [\"a\"], \"embeddings\": [[1, 2]], \"metadatas\": [{\"tags\": [\"x\"]}]}"), 400))
                .isEqualTo("metadatas[0].tags must be a string, number or boolean, not [\"x\"]");
        assertThat(message(raw.post("/api/v1/collections/books/add", "{\"ids\": [\"a\", \"a\"], \"embeddings\": [[1, 2], [3, 4]]}"), 400))
                .isEqualTo("ids holds a twice");
        assertThat(message(raw.post("/api/v1/collections/books/add", "{\"ids\": [\"a\"], \"embeddings\": [[1, \"2\"]]}"), 400))
                .isEqualTo("embeddings[0][1] must be a number within float range, not \"2\"");
        assertThat(message(raw.post("/api/v1/collections/books/query", "{\"query_embeddings\": [[1, 2]], \"n_results\": -1}"), 400))
                .isEqualTo("n_results must be a whole number of at least 1, not -1");
        assertThat(message(raw.post("/api/v1/collections/books/get", "{\"ids\": "), 400))
                .startsWith("The request body is not valid JSON: ");
        assertThat(message(raw.post("/api/v1/collections/books/get", "[]"), 400))
                .isEqualTo("POST /api/v1/collections/books/get takes a JSON object as its body");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrorsWithoutStackTraces() throws Exception {
        RawHttp.Answer unknown = raw.get("/api/v2/collections");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("UnknownEndpoint");
        RawHttp.Answer wrongMethod = raw.get("/api/v1/collections/books/add");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.allow()).isEqualTo("POST");
        assertThat(wrongMethod.json().get("error").asText()).isEqualTo("MethodNotAllowed");
        for (RawHttp.Answer a : List.of(unknown, wrongMethod, raw.post("/api/v1/collections", "{\"name\": "))) {
            assertThat(a.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(a.json().size()).isEqualTo(2);
            assertThat(a.text()).doesNotContain("\tat ", "Exception", "io.godwit.");
        }
    }

    private static String message(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo("InvalidArgument");
        return answer.json().get("message").asText();
    }
}
