package io.godwit.server;

import io.godwit.metrics.GodwitMetrics;
import io.godwit.metrics.OptionalTracing;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request through the server and the store as one trace, over real HTTP with the real OpenTelemetry
 * SDK set as the global one: the server's span continues the caller's W3C trace, and the store's span
 * of the call it made is its child.
 */
class RequestSpansTest {
    private static final String COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00f067aa0ba902b7";

    @TempDir
    Path dir;

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-" + CALLER + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestsSpanContinuesTheCallersTraceAndHoldsTheStoreCall() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        GlobalOpenTelemetry.resetForTest();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build()) {
            GlobalOpenTelemetry.set(sdk);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            GodwitClient client = GodwitClient.persistent(dir,
                    OptionalTracing.applyTo(GodwitMetrics.of(registry).applyTo(Settings.defaults())));
            HttpClient http = HttpClient.newHttpClient();
            try (GodwitServer server = GodwitServer.start(ServerConfig.defaults().withPort(0), client, registry)) {
                String created = post(http, server.uri(), COLLECTIONS, "{\"name\": \"books\"}").body();
                String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                assertThat(post(http, server.uri(), COLLECTIONS + "/" + id + "/add",
                        "{\"ids\": [\"a\", \"b\"], \"embeddings\": [[1, 0], [0, 1]]}").statusCode()).isEqualTo(201);
            }   // closing drains the requests in flight: their spans have ended (the SDK's closing would clear them)
            assertSpans(exporter.getFinishedSpanItems());
        } finally {
            GlobalOpenTelemetry.resetForTest();
        }
    }

    private static void assertSpans(List<SpanData> spans) {
        String addRoute = "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/add";
        assertThat(spans).extracting(SpanData::getName).contains(addRoute, "add books");
        SpanData request = spans.stream().filter(s -> s.getName().equals(addRoute)).findFirst().orElseThrow();
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getTraceId()).isEqualTo(TRACE);
        assertThat(request.getParentSpanId()).isEqualTo(CALLER);
        assertThat(request.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(201);
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        SpanData add = spans.stream().filter(s -> s.getName().equals("add books")).findFirst().orElseThrow();
        assertThat(add.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(add.getTraceId()).isEqualTo(TRACE);
        assertThat(add.getStartEpochNanos()).isGreaterThanOrEqualTo(request.getStartEpochNanos());
        assertThat(add.getEndEpochNanos()).isLessThanOrEqualTo(request.getEndEpochNanos());
    }
}
