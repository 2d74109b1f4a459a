package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.metrics.testing.PrometheusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar (failsafe, after {@code package}) as an operator runs it: {@code --log-format json}
 * writes one JSON object a line with the fields that matter and no SLF4J chatter, the plain format
 * stays the default, and a real {@code godwit run} serves {@code /metrics} as Prometheus text holding
 * exactly the requests it answered.
 */
class ObservabilityIT {
    private static final Path JAR = Path.of("target", "godwit.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";

    @TempDir
    Path dir;

    private ProcessBuilder godwit(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("GODWIT_LOG_FORMAT");
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolve("cache").toString());
        return pb;
    }

    private static List<JsonNode> jsonLines(String stderr) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            // The JVM's own line for the Vector API module bin/godwit gives `run` (it prints it before main; README).
            if (!line.isBlank() && !line.equals("WARNING: Using incubator modules: jdk.incubator.vector")) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                for (String field : List.of("time", "level", "logger", "message")) {
                    assertThat(node.hasNonNull(field)).as(field + " in " + line).isTrue();
                }
                lines.add(node);
            }
        }
        return lines;
    }

    @Test
    void migrateLogsOneJsonObjectPerLineWithTheMigrationsFields() throws Exception {
        Path err = dir.resolve("migrate.err");
        Process p = godwit("migrate", "--path", dir.resolve("data").toString(), "--log-format", "json")
                .redirectError(err.toFile()).redirectOutput(dir.resolve("migrate.out").toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("SLF4J");

        List<JsonNode> lines = jsonLines(stderr);
        List<JsonNode> applied = lines.stream().filter(l -> l.get("message").asText().startsWith("Applied sysdb/00001")).toList();
        assertThat(applied).singleElement().satisfies(l -> {
            assertThat(l.get("level").asText()).isEqualTo("INFO");
            assertThat(l.get("logger").asText()).isEqualTo("io.godwit.internal.Applier");
            assertThat(l.get("subsystem").asText()).isEqualTo("sysdb");
            assertThat(l.get("version").asText()).isEqualTo("1");
            assertThat(l.get("duration_ms").asLong()).isNotNegative();
            assertThat(l.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
        });
        assertThat(lines.stream().filter(l -> l.get("message").asText().startsWith("Applying metadb/"))
                .allMatch(l -> l.get("subsystem").asText().equals("metadb"))).isTrue();
    }

    @Test
    void thePlainFormatStaysTheDefault() throws Exception {
        Path err = dir.resolve("plain.err");
        Process p = godwit("migrate", "--path", dir.resolve("data").toString())
                .redirectError(err.toFile()).redirectOutput(dir.resolve("plain.out").toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("SLF4J").doesNotContain("{\"");
        assertThat(stderr.lines().filter(l -> !l.isBlank()))
                .allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN) .*"));
        assertThat(stderr).contains(" INFO Applied sysdb/00001-collections.sqlite.sql in ");
    }

    @Test
    void godwitRunServesPrometheusTextAndLogsRequestIdsAsJson() throws Exception {
        Path err = dir.resolve("run.err");
        Process p = godwit("run", "--path", dir.resolve("data").toString(), "--port", "0", "--log-format", "json")
                .redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String listening = out.readLine();
            assertThat(listening).as(Files.readString(err)).startsWith("Listening on http://127.0.0.1:");
            URI uri = URI.create(listening.substring("Listening on ".length()).trim());

            String created = send(uri, "POST", COLLECTIONS, "{\"name\": \"books\"}").body();
            String records = COLLECTIONS + "/" + JSON.readTree(created).get("id").asText();
            assertThat(send(uri, "POST", records + "/add", "{\"ids\": [\"a\", \"b\"], \"embeddings\": [[1, 0], [0, 1]]}")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> refused = send(uri, "POST", records + "/add", "{\"ids\": [\"c\"], \"embeddings\": [[1, 0, 0]]}");
            assertThat(refused.statusCode()).isEqualTo(400);
            String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();

            HttpResponse<String> scrape = send(uri, "GET", "/metrics", null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            PrometheusText metrics = PrometheusText.parse(scrape.body());
            String route = "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/add";
            assertThat(metrics.value("godwit_http_requests_seconds_count", "route", route, "status", "201")).isEqualTo(1);
            assertThat(metrics.value("godwit_http_requests_seconds_count", "route", route, "status", "400")).isEqualTo(1);
            assertThat(metrics.value("godwit_store_records_total", "operation", "add")).isEqualTo(2);
            assertThat(metrics.value("godwit_store_failures_total", "operation", "add", "error", "invalid_argument"))
                    .isEqualTo(1);
            assertThat(metrics.value("godwit_store_collections")).isEqualTo(1);
            assertThat(metrics.value("godwit_migrations_pending", "subsystem", "metadb")).isEqualTo(0);
            assertThat(metrics.value("godwit_migrations_applied_total", "subsystem", "metadb")).isPositive();
            assertThat(metrics.find("jvm_memory_used_bytes")).isNotEmpty();

            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err);
            assertThat(stderr).doesNotContain("SLF4J");
            List<JsonNode> lines = jsonLines(stderr);
            assertThat(lines).anySatisfy(l -> {
                assertThat(l.path("request_id").asText()).isEqualTo(requestId);
                assertThat(l.path("logger").asText()).isEqualTo("io.godwit.server.Router");
                assertThat(l.path("message").asText()).contains("-> 400");
            });
            assertThat(lines).anySatisfy(l -> assertThat(l.get("message").asText()).startsWith("Serving Chroma's API v2"));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
