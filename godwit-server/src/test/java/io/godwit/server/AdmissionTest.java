package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.GodwitClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads admitted a few at a time ({@link Admission}) over real HTTP: many more concurrent queries and
 * gets than permits all get their own right answer, and refused or failing reads give their permit back.
 */
class AdmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "/api/v2/tenants/default_tenant/databases/default_database";
    private static GodwitServer server;
    private static String records;

    @BeforeAll
    static void start() throws Exception {
        server = GodwitServer.start(ServerConfig.defaults().withPort(0), GodwitClient.ephemeral());
        HttpResponse<String> created = HttpLayerTest.send(server.uri(), "POST", DB + "/collections", "{\"name\":\"adm\"}", null);
        records = DB + "/collections/" + JSON.readTree(created.body()).get("id").asText();
        StringBuilder add = new StringBuilder("{\"ids\":[");
        for (int i = 0; i < 50; i++) {
            add.append(i == 0 ? "" : ",").append("\"r").append(i).append('"');
        }
        add.append("],\"embeddings\":[");
        for (int i = 0; i < 50; i++) {
            add.append(i == 0 ? "" : ",").append('[').append(i).append(",0]");
        }
        add.append("]}");
        assertThat(HttpLayerTest.send(server.uri(), "POST", records + "/add", add.toString(), null).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void refusedReadsGiveTheirTurnBack() throws Exception {
        int refusals = 4 * Admission.perCore().limit() + 4;
        for (int i = 0; i < refusals; i++) {
            HttpResponse<String> wrongDimension = HttpLayerTest.send(server.uri(), "POST", records + "/query",
                    "{\"query_embeddings\":[[1,2,3]],\"n_results\":1}", null);
            assertThat(wrongDimension.statusCode()).isEqualTo(400);
            HttpResponse<String> badLimit = HttpLayerTest.send(server.uri(), "POST", records + "/get", "{\"limit\":-1}", null);
            assertThat(badLimit.statusCode()).isEqualTo(400);
        }
        assertThat(nearest(7)).isEqualTo("r7");
    }

    @Test
    void manyMoreReadsThanPermitsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int target = i % 50;
                answers.add(pool.submit(() -> target % 2 == 0 ? nearest(target) : got(target)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("r" + (i % 50));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String nearest(int target) throws Exception {
        HttpResponse<String> r = HttpLayerTest.send(server.uri(), "POST", records + "/query",
                "{\"query_embeddings\":[[" + target + ".1,0]],\"n_results\":1,\"include\":[\"distances\"]}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode ids = JSON.readTree(r.body()).get("ids");
        return ids.get(0).get(0).asText();
    }

    private static String got(int target) throws Exception {
        HttpResponse<String> r = HttpLayerTest.send(server.uri(), "POST", records + "/get",
                "{\"ids\":[\"r" + target + "\"],\"include\":[]}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("ids").get(0).asText();
    }
}
