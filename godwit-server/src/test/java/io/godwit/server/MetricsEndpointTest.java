package io.godwit.server;

import io.godwit.metrics.GodwitMetrics;
import io.godwit.metrics.MetricNames;
import io.godwit.metrics.testing.PrometheusText;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} over real HTTP from an in-process server on a persistent store: the scrape parses
 * as Prometheus text and holds exactly the requests, store calls and migrations that happened; with a
 * token it needs the token; without one it answers loopback clients only.
 */
class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";
    /** The route patterns, as the series name them. */
    private static final String COLLECTIONS_ROUTE = "/api/v2/tenants/{tenant}/databases/{database}/collections";
    private static final String COLLECTION = COLLECTIONS_ROUTE + "/{collection}";

    @TempDir
    Path dir;

    private GodwitServer start(String token) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GodwitMetrics metrics = GodwitMetrics.of(registry);
        GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults()));
        metrics.bindGauges(client);
        return GodwitServer.start(ServerConfig.defaults().withPort(0).withAuthToken(token), client, registry);
    }

    private static HttpResponse<String> send(URI base, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScrapeHoldsExactlyWhatHappened() throws Exception {
        try (GodwitServer server = start(null)) {
            URI uri = server.uri();
            String created = send(uri, "POST", COLLECTIONS, "{\"name\": \"books\"}", null).body();
            String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String records = COLLECTIONS + "/" + id;
            assertThat(send(uri, "POST", records + "/add", "{\"ids\": [\"a\", \"b\", \"c\"], \"embeddings\": [[1, 0], [0, 1], [1, 1]]}",
                    null).statusCode()).isEqualTo(201);
            assertThat(send(uri, "POST", records + "/add", "{\"ids\": [\"d\"], \"embeddings\": [[1, 0, 0]]}", null).statusCode())
                    .isEqualTo(400);
            assertThat(send(uri, "POST", records + "/query", "{\"query_embeddings\": [[1, 0]], \"n_results\": 2}", null)
                    .statusCode()).isEqualTo(200);
            assertThat(send(uri, "GET", "/api/v2/nothing", null, null).statusCode()).isEqualTo(404);

            HttpResponse<String> first = send(uri, "GET", "/metrics", null, null);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
            PrometheusText scrape = PrometheusText.parse(first.body());

            String requests = "godwit_http_requests_seconds_count";
            assertThat(scrape.value(requests, "method", "POST", "route", COLLECTIONS_ROUTE, "status", "200")).isEqualTo(1);
            assertThat(scrape.value(requests, "method", "POST", "route", COLLECTION + "/add", "status", "201")).isEqualTo(1);
            assertThat(scrape.value(requests, "method", "POST", "route", COLLECTION + "/add", "status", "400")).isEqualTo(1);
            assertThat(scrape.value(requests, "method", "POST", "route", COLLECTION + "/query", "status", "200")).isEqualTo(1);
            assertThat(scrape.value(requests, "method", "GET", "route", "unmatched", "status", "404")).isEqualTo(1);
            assertThat(scrape.find(requests, "route", "/metrics")).isEmpty();   // counted once answered
            assertThat(scrape.types()).containsEntry("godwit_http_requests_seconds", "histogram");
            assertThat(scrape.find("godwit_http_requests_seconds_bucket", "route", COLLECTION + "/add", "status", "201"))
                    .hasSize(MetricNames.LATENCY_BUCKETS.size() + 1);

            assertThat(scrape.value("godwit_store_operations_seconds_count", "operation", "add", "outcome", "success")).isEqualTo(1);
            assertThat(scrape.value("godwit_store_operations_seconds_count", "operation", "add", "outcome", "failure")).isEqualTo(1);
            assertThat(scrape.value("godwit_store_failures_total", "operation", "add", "error", "invalid_argument")).isEqualTo(1);
            assertThat(scrape.value("godwit_store_records_total", "operation", "add")).isEqualTo(3);
            assertThat(scrape.value("godwit_store_records_total", "operation", "query")).isEqualTo(2);
            assertThat(scrape.value("godwit_store_collections")).isEqualTo(1);
            assertThat(scrape.value("godwit_store_log_entries")).isPositive();
            assertThat(scrape.value("godwit_migrations_pending", "subsystem", "sysdb")).isEqualTo(0);
            assertThat(scrape.value("godwit_migrations_applied_total", "subsystem", "sysdb")).isPositive();

            PrometheusText second = PrometheusText.parse(send(uri, "GET", "/metrics", null, null).body());
            assertThat(second.value(requests, "method", "GET", "route", "/metrics", "status", "200")).isEqualTo(1);
        }
    }

    @Test
    void withATokenTheScrapeNeedsIt() throws Exception {
        try (GodwitServer server = start("s3cret")) {
            HttpResponse<String> refused = send(server.uri(), "GET", "/metrics", null, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"error\":\"AuthError\"");
            HttpResponse<String> wrong = send(server.uri(), "GET", "/metrics", null, "guess");
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> ok = send(server.uri(), "GET", "/metrics", null, "s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(PrometheusText.parse(ok.body()).value("godwit_store_collections")).isEqualTo(0);
            assertThat(send(server.uri(), "POST", "/metrics", "{}", "s3cret").statusCode()).isEqualTo(405);
            assertThat(send(server.uri(), "GET", "/metricsx", null, "s3cret").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withoutATokenOnlyLoopbackClientsAreAnswered() throws Exception {
        assertThat(MetricsEndpoint.allowed(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000))).isTrue();
        assertThat(MetricsEndpoint.allowed(new InetSocketAddress(InetAddress.getByName("::1"), 5000))).isTrue();
        assertThat(MetricsEndpoint.allowed(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), 5000)))
                .isFalse();
        assertThat(MetricsEndpoint.allowed(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 0, 9}),
                5000))).isFalse();
    }
}
