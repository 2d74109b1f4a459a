package io.godwit.server;

import com.sun.net.httpserver.HttpServer;
import io.godwit.GodwitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unexpected failures of an endpoint: a 500 whose body is {error, message} and nothing more. A
 * store error passes its message (written for users) on one line; anything else is replaced by a
 * generic sentence, so a bug's internals never reach the client.
 */
class RouterTest {
    HttpServer http;
    RawHttp raw;

    @BeforeEach
    void start() throws Exception {
        Router router = new Router()
                .get("/bug", r -> {
                    throw new IllegalStateException("secret internals of a bug");
                })
                .get("/store", r -> {
                    throw new GodwitException("Could not write to the store:\n  database is locked");
                })
                .get("/items/{id}", r -> ApiResponse.ok(Json.MAPPER.createObjectNode().put("id", r.param("id"))));
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", router);
        http.start();
        raw = new RawHttp(URI.create("http://127.0.0.1:" + http.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void aBugIsA500WithAGenericMessage() throws Exception {
        RawHttp.Answer answer = raw.get("/bug");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("error").asText()).isEqualTo("InternalError");
        assertThat(answer.json().get("message").asText()).isEqualTo("The server failed to handle GET /bug; its log has the details");
        assertThat(answer.text()).doesNotContain("secret", "IllegalStateException", "\tat ");
    }

    @Test
    void aStoreFailureIsA500WithTheStoresMessageOnOneLine() throws Exception {
        RawHttp.Answer answer = raw.get("/store");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText()).isEqualTo("Could not write to the store: database is locked");
        assertThat(answer.json().size()).isEqualTo(2);
    }

    @Test
    void placeholdersTakeTheDecodedSegmentAndATrailingSlashIsIgnored() throws Exception {
        assertThat(raw.get("/items/a%20b/").json().get("id").asText()).isEqualTo("a b");
        assertThat(raw.get("/items/a/b").status()).isEqualTo(404);
    }
}
