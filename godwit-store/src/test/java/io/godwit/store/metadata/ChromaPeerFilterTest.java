package io.godwit.store.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.testing.ChromaPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter table against the real Chroma 1.0 peer: the same records (less the array values,
 * which Chroma 1.0 cannot store), the same filters sent as raw JSON bodies, and the answers
 * compared with the table's, for get and for query, except where {@code chroma-differences.json} lists the case (then the
 * peer must answer exactly what that table says it does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromaPeerFilterTest {
    static final String SUITE = "filters";
    private static final String DATABASE = "/api/v2/tenants/default_tenant/databases/default_database";
    private final ChromaDifferences differences = ChromaDifferences.of(SUITE);
    private final HttpClient http = HttpClient.newHttpClient();
    private ChromaPeer peer;
    private String collection;

    @BeforeAll
    void seedPeer() throws Exception {
        peer = ChromaPeer.start();
        HttpResponse<String> created = post(DATABASE + "/collections", "{\"name\": \"filters\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        collection = DATABASE + "/collections/" + FilterDataset.JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> added = post(collection + "/add", addBody());
        assertThat(added.statusCode()).as(added.body()).isLessThan(300);
    }

    @AfterAll
    void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    static Iterable<FilterCase> cases() {
        return FilterCase.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void peerAnswersAsTheTableSaysUnlessADifferenceIsListed(FilterCase c) throws Exception {
        String listed = differences.chroma(c.name());
        String expected = listed != null ? listed : c.expected();
        assertThat(peerAnswer(c, false)).as("peer's answer to %s (%s)", c.name(),
                listed != null ? "a listed difference" : "as Godwit").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void peerQueriesAsTheTableSaysUnlessADifferenceIsListed(FilterCase c) throws Exception {
        String listed = differences.chroma(c.name());
        String expected = listed != null ? listed : c.expected();
        assertThat(peerAnswer(c, true)).as("peer's query answer to %s (%s)", c.name(),
                listed != null ? "a listed difference" : "as Godwit").isEqualTo(expected);
    }

    @Test
    void everyListedDifferenceNamesACaseGodwitAnswersOtherwise() {
        Map<String, FilterCase> byName = new java.util.HashMap<>();
        FilterCase.ALL.forEach(c -> byName.put(c.name(), c));
        differences.entries().forEach((name, entry) -> {
            assertThat(byName).as("case %s of chroma-differences.json", name).containsKey(name);
            assertThat(differences.chroma(name)).as("difference %s", name).isNotEqualTo(byName.get(name).expected());
            assertThat(entry.path("what").asText()).as("what of %s", name).isNotBlank();
            assertThat(entry.path("why").asText()).as("why of %s", name).isNotBlank();
        });
        System.out.printf("Chroma peer comparison: %d filters compared (get and query), %d listed differences%n",
                FilterCase.ALL.size(), differences.entries().size());
    }

    /** The ids the peer's get (or query, with nResults above the record count) answers, sorted; or "error". */
    private String peerAnswer(FilterCase c, boolean query) throws IOException, InterruptedException {
        ObjectNode body = FilterDataset.JSON.createObjectNode();
        if (query) {
            body.putArray("query_embeddings").addArray().add(0.0).add(0.0);
            body.put("n_results", FilterDataset.RECORDS.size() + 5);
        }
        if (c.where() != null) {
            body.set("where", c.where());
        }
        if (c.whereDocument() != null) {
            body.set("where_document", c.whereDocument());
        }
        body.putArray("include");
        HttpResponse<String> response = post(collection + (query ? "/query" : "/get"), FilterDataset.JSON.writeValueAsString(body));
        JsonNode answer = FilterDataset.JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            assertThat(answer.path("error").asText()).as(response.body()).isEqualTo("InvalidArgumentError");
            return "error";
        }
        TreeSet<String> ids = new TreeSet<>();
        (query ? answer.get("ids").get(0) : answer.get("ids")).forEach(id -> ids.add(id.asText()));
        return ids.toString();
    }

    /** POSTs {@code json} as it is (so {@code 5.0} stays a float) to {@code path} on the peer. */
    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(peer.uri().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The dataset as one add call: embeddings [n, 0], documents, and metadata without array values. */
    private static String addBody() throws IOException {
        ObjectNode body = FilterDataset.JSON.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        ArrayNode embeddings = body.putArray("embeddings");
        ArrayNode documents = body.putArray("documents");
        ArrayNode metadatas = body.putArray("metadatas");
        int n = 0;
        for (JsonNode record : FilterDataset.RECORDS) {
            ids.add(record.get("id").asText());
            embeddings.addArray().add(++n).add(0.0);
            documents.add(record.get("document"));
            JsonNode metadata = record.get("metadata").deepCopy();
            if (metadata instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    if (it.next().getValue().isArray()) {
                        it.remove();
                    }
                }
            }
            metadatas.add(metadata);
        }
        return FilterDataset.JSON.writeValueAsString(body);
    }
}
