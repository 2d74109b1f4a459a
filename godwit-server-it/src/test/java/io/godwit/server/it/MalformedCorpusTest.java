package io.godwit.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-request corpus ({@link MalformedCorpus}, over 200 cases) against {@code godwit run}:
 * every case is a 4xx with Chroma's {@code {error, message}} and a message that names something and
 * shows no internals; the server keeps serving; and the store holds exactly the records, collections
 * and tenants it held before.
 */
class MalformedCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;
    static GodwitUnderTest godwit;

    @BeforeAll
    static void start() throws Exception {
        godwit = GodwitUnderTest.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (godwit != null) {
            godwit.close();
        }
    }

    @Test
    void everyMalformedRequestIsA4xxAndChangesNothing() throws Exception {
        StoreClient client = HttpGodwitClient.connect(godwit.uri(), null, Duration.ofSeconds(30));
        StoreCollection c = client.getOrCreateCollection("corpus");
        c.add(RecordBatch.of("a", "b", "c")
                .embeddings(List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}))
                .documents(List.of("alpha", "beta", "gamma"))
                .metadatas(List.of(Map.of("k", 1L), Map.of("k", 2L), Map.of("k", "three"))));
        String before = snapshot(client, c);

        List<MalformedCorpus.Case> cases = MalformedCorpus.cases(client.settings().maxBatchSize(),
                GodwitUnderTest.MAX_BODY_BYTES);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        List<String> problems = new ArrayList<>();
        for (MalformedCorpus.Case k : cases) {
            HttpResponse<String> r = send(godwit.uri(), k, c.id().toString());
            String problem = check(r);
            if (problem != null) {
                problems.add(k.name().substring(0, Math.min(120, k.name().length())) + ": " + problem);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(client.heartbeat()).isPositive();
        assertThat(snapshot(client, c)).isEqualTo(before);
    }

    /** Null when the answer is a proper refusal, else what is wrong with it. */
    private static String check(HttpResponse<String> r) {
        if (r.statusCode() < 400 || r.statusCode() >= 500) {
            return "status " + r.statusCode() + " " + r.body();
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            return "not JSON: " + r.body();
        }
        if (body == null || !body.path("error").isTextual() || !body.path("message").isTextual() || body.size() != 2) {
            return "not {error, message}: " + r.body();
        }
        String message = body.get("message").asText();
        if (message.length() < 10 || message.contains("Exception") || message.contains("jackson")
                || message.contains("\tat ") || message.contains("java.")) {
            return "unclear message: " + message;
        }
        return null;
    }

    private static HttpResponse<String> send(URI server, MalformedCorpus.Case k, String collectionId) throws Exception {
        String path = k.path().replace("{C}", collectionId);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b.method(k.method(), k.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(k.body()));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything the corpus could have changed, as one comparable text. */
    private static String snapshot(StoreClient client, StoreCollection c) {
        GetResult all = c.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS,
                Include.URIS));
        StringBuilder s = new StringBuilder(all.ids() + "|" + all.documents() + "|" + all.metadatas() + "|" + all.uris());
        all.embeddings().forEach(e -> s.append(java.util.Arrays.toString(e)));
        client.listCollections(null, 0).forEach(x -> s.append("|").append(x.name()).append(x.metadata()));
        client.listTenants().forEach(t -> s.append("|").append(t.name()));
        client.listDatabases("default_tenant", null, 0).forEach(d -> s.append("|").append(d.name()));
        return s.toString();
    }
}
