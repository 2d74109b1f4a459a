package io.godwit.store.testing;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher others' differential tests rely on: the real peer starts, answers, and stops. */
class ChromaPeerTest {
    @Test
    void thePeerStartsAnswersItsHeartbeatAndStops() throws Exception {
        ChromaPeer peer = ChromaPeer.start();
        try {
            HttpResponse<String> version = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    peer.uri().resolve("/api/v2/version")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(version.statusCode()).isEqualTo(200);
            assertThat(version.body()).isEqualTo("\"1.0.0\"");
            assertThat(peer.residentBytes()).isPositive();
        } finally {
            peer.close();
        }
        assertThat(peer.uri().getPort()).isEqualTo(peer.port());
    }
}
