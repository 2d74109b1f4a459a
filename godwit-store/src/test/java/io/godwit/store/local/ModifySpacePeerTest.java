package io.godwit.store.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.testing.ChromaPeer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The deliberate difference "modify rebuilds; Chroma refuses" of chroma-differences.json (suite
 * {@code vector-index}): the real peer refuses a new space in modify with the status the table
 * lists, Godwit accepts it and rebuilds the index in the new space.
 */
class ModifySpacePeerTest {
    private static final String DATABASE = "/api/v2/tenants/default_tenant/databases/default_database";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode difference() throws Exception {
        try (InputStream in = ModifySpacePeerTest.class.getResourceAsStream("/chroma-differences.json")) {
            for (JsonNode d : JSON.readTree(in).get("differences")) {
                if (d.get("suite").asText().equals("vector-index") && d.get("case").asText().equals("modify space")) {
                    return d;
                }
            }
        }
        throw new AssertionError("chroma-differences.json lists no vector-index case 'modify space'");
    }

    @Test
    void thePeerRefusesANewSpaceAndGodwitRebuilds() throws Exception {
        JsonNode listed = difference();
        HttpClient http = HttpClient.newHttpClient();
        try (ChromaPeer peer = ChromaPeer.start()) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(peer.uri().resolve(DATABASE + "/collections"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"modify\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String id = JSON.readTree(created.body()).get("id").asText();
            HttpResponse<String> modified = http.send(HttpRequest.newBuilder(peer.uri().resolve(DATABASE + "/collections/" + id))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"new_configuration\": {\"hnsw\": {\"space\": \"cosine\"}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(modified.statusCode()).as(modified.statusCode() + " " + modified.body()).isEqualTo(listed.get("chroma").get("status").asInt());
        }
        try (GodwitClient client = GodwitClient.ephemeral()) {
            StoreCollection c = client.createCollection("modify");
            c.add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {3, 4})));
            assertThat(c.query(QueryRequest.embedding(new float[] {1, 0}).nResults(1)).distances().get(0).get(0))
                    .isCloseTo(4 + 16, within(1e-5f));
            c.modify(CollectionChange.configuration(CollectionConfiguration.defaults().withSpace(Space.COSINE)));
            assertThat(c.query(QueryRequest.embedding(new float[] {1, 0}).nResults(1)).distances().get(0).get(0))
                    .isCloseTo(1 - 3f / 5, within(1e-5f));
            assertThat(listed.get("godwit").get("status").asInt()).isEqualTo(200);
        }
    }
}
