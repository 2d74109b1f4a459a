package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.godwit.GodwitException;
import io.godwit.store.StoredEmbedding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP client against a stub that records what it is sent and answers what the test scripts:
 * the requests' JSON (the format of the README (Server and HTTP client)), and how answers that are not a Godwit
 * server's, or no answer at all, are reported. The real server is in godwit-server's tests.
 */
class HttpGodwitClientTest {
    record Sent(String method, String rawPath, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private HttpServer stub;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private HttpGodwitClient client;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", this::record);
        stub.start();
        client = HttpGodwitClient.connect("127.0.0.1", stub.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    @Test
    void requestsCarryTheDocumentedJson() throws Exception {
        answer = "{\"name\": \"my books\", \"dimension\": 2, \"metadata\": {\"shelf\": 4}}";
        HttpCollection books = client.createCollection("my books", 2, Map.of("shelf", 4));
        assertThat(books.dimension()).contains(2);
        assertThat(books.metadata()).isEqualTo(Map.of("shelf", 4L));
        assertThat(next()).isEqualTo(new Sent("POST", "/api/v1/collections",
                JSON.readTree("{\"name\": \"my books\", \"dimension\": 2, \"metadata\": {\"shelf\": 4}}")));

        answer = "{\"added\": 2}";
        books.add(List.of(new StoredEmbedding("a", new float[] {0.1f, 2}, Map.of("k", true), "doc"),
                new StoredEmbedding("b", new float[] {3, 4}, null, null)));
        assertThat(next()).isEqualTo(new Sent("POST", "/api/v1/collections/my%20books/add", JSON.readTree(
                "{\"ids\": [\"a\", \"b\"], \"embeddings\": [[0.1, 2.0], [3.0, 4.0]],"
                        + " \"metadatas\": [{\"k\": true}, null], \"documents\": [\"doc\", null]}")));

        answer = "{\"ids\": [[\"b\", \"a\"]]}";
        assertThat(books.query(new float[] {3, 4}, 5)).containsExactly("b", "a");
        assertThat(next().body()).isEqualTo(JSON.readTree("{\"query_embeddings\": [[3.0, 4.0]], \"n_results\": 5}"));
    }

    @Test
    void anErrorThatIsNotTheServersJsonKeepsItsStatusAndText() {
        status = 502;
        answer = "<html>Bad gateway</html>";
        int port = stub.getAddress().getPort();
        assertThatThrownBy(() -> client.listCollections()).isInstanceOfSatisfying(HttpStoreError.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.error()).isEqualTo("HttpStatus");
            assertThat(e.getMessage()).isEqualTo("HTTP 502 from GET http://127.0.0.1:" + port + "/api/v1/collections: <html>Bad gateway</html>");
        });
    }

    @Test
    void onlyAMissingCollectionIsAbsentNotAMissingEndpoint() {
        status = 404;
        answer = "{\"error\": \"CollectionNotFound\", \"message\": \"Collection x does not exist\"}";
        assertThat(client.getCollection("x")).isEmpty();
        answer = "{\"error\": \"UnknownEndpoint\", \"message\": \"No endpoint GET /api/v1/collections/x\"}";
        assertThatThrownBy(() -> client.getCollection("x")).isInstanceOfSatisfying(HttpStoreError.class,
                e -> assertThat(e.error()).isEqualTo("UnknownEndpoint"));
    }

    @Test
    void aServerThatDoesNotAnswerIsAnErrorNamingItsAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpGodwitClient nobody = HttpGodwitClient.connect("127.0.0.1", port);
        assertThatThrownBy(nobody::heartbeat).isInstanceOf(GodwitException.class)
                .isNotInstanceOf(HttpStoreError.class)
                .hasMessageStartingWith("Cannot reach the Godwit server at http://127.0.0.1:" + port + "/: ");
    }

    private Sent next() {
        assertThat(sent).hasSize(1);
        return sent.poll();
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        sent.add(new Sent(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                body.length == 0 ? null : JSON.readTree(body)));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
