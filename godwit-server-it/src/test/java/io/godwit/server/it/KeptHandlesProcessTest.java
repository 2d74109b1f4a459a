package io.godwit.server.it;

import io.godwit.store.CollectionChange;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server keeps the record routes' collection handles (CollectionHandles): two {@code godwit run}
 * processes on one store, each change made through the second and seen on the first's very next
 * request, through a handle the first had just used: records added, a rename (its refusals name the
 * new name), a new space (the distances), the collection deleted (404 naming the id, nothing written),
 * a new collection of the same name (the old id stays gone), a tenant deleted (404 naming the tenant).
 */
class KeptHandlesProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void changesByAnotherProcessAreSeenOnTheNextRequest() throws Exception {
        Path data = dir.resolve("data");
        try (GodwitRun first = GodwitRun.start(dir.resolve("first"), Map.of(), "--path", data.toString(), "--port", "0");
             GodwitRun second = GodwitRun.start(dir.resolve("second"), Map.of(), "--path", data.toString(), "--port", "0")) {
            StoreClient a = HttpGodwitClient.connect(first.uri(), null, TIMEOUT);
            StoreClient b = HttpGodwitClient.connect(second.uri(), null, TIMEOUT);
            StoreCollection viaA = a.createCollection("kept");
            viaA.add(RecordBatch.of("x").embeddings(List.of(new float[] {2, 0})));
            assertThat(nearest(viaA).distances().get(0)).containsExactly(1f);   // l2: |(1,0) - (2,0)|^2

            StoreCollection viaB = b.getCollection("kept").orElseThrow();
            viaB.add(RecordBatch.of("y").embeddings(List.of(new float[] {1, 0})));
            assertThat(viaA.count()).isEqualTo(2);
            assertThat(nearest(viaA).ids().get(0)).containsExactly("y", "x");

            viaB.modify(CollectionChange.rename("renamed"));
            assertThatThrownBy(() -> viaA.query(QueryRequest.embedding(new float[] {1, 0, 0})))
                    .isInstanceOf(StoreException.class).hasMessageContaining("'renamed'").hasMessageNotContaining("'kept'");

            viaB.modify(CollectionChange.configuration(viaB.configuration().withSpace(Space.COSINE)));
            assertThat(nearest(viaA).distances().get(0)).containsExactly(0f, 0f);   // cosine: both point along (1,0)

            b.deleteCollection("renamed");
            String gone = "{\"error\":\"NotFoundError\",\"message\":\"Collection [" + viaA.id() + "] does not exist\"}";
            assertThat(raw(first, "POST", viaA, "/query", "{\"query_embeddings\": [[1, 0]]}")).isEqualTo("404 " + gone);
            assertThat(raw(first, "POST", viaA, "/add", "{\"ids\": [\"z\"], \"embeddings\": [[3, 0]]}"))
                    .isEqualTo("404 " + gone);
            assertThat(raw(first, "GET", viaA, "/count", null)).isEqualTo("404 " + gone);
            assertThatThrownBy(() -> nearest(viaA)).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_FOUND);

            StoreCollection again = b.createCollection("renamed");
            again.add(RecordBatch.of("w").embeddings(List.of(new float[] {1, 0})));
            assertThat(raw(first, "POST", viaA, "/query", "{\"query_embeddings\": [[1, 0]]}")).isEqualTo("404 " + gone);
            StoreCollection newOne = a.getCollection("renamed").orElseThrow();
            assertThat(newOne.id()).isEqualTo(again.id());
            assertThat(nearest(newOne).ids().get(0)).containsExactly("w");
        }
    }

    @Test
    void aTenantDeletedByAnotherProcessIsNotFoundOnTheNextRequest() throws Exception {
        Path data = dir.resolve("data");
        try (GodwitRun first = GodwitRun.start(dir.resolve("first"), Map.of(), "--path", data.toString(), "--port", "0");
             GodwitRun second = GodwitRun.start(dir.resolve("second"), Map.of(), "--path", data.toString(), "--port", "0")) {
            StoreClient a = HttpGodwitClient.connect(first.uri(), null, TIMEOUT);
            a.createTenant("tenant2");
            a.createDatabase("tenant2", "db2");
            StoreCollection viaA = a.scope("tenant2", "db2").createCollection(
                    io.godwit.store.CreateCollection.named("coll"));
            viaA.add(RecordBatch.of("x").embeddings(List.of(new float[] {2, 0})));
            assertThat(nearest(viaA).ids().get(0)).containsExactly("x");

            HttpGodwitClient.connect(second.uri(), null, TIMEOUT).deleteTenant("tenant2");
            assertThat(raw(first, "POST", viaA, "/query", "{\"query_embeddings\": [[1, 0]]}"))
                    .isEqualTo("404 {\"error\":\"NotFoundError\",\"message\":\"Tenant [tenant2] does not exist\"}");
        }
    }

    /** "STATUS BODY" of a request to one of {@code c}'s record routes, sent by the JDK's own HTTP client. */
    private static String raw(GodwitRun server, String method, StoreCollection c, String route, String body) throws Exception {
        URI uri = server.uri().resolve("/api/v2/tenants/" + c.tenant() + "/databases/" + c.database() + "/collections/"
                + c.id() + route);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static QueryResult nearest(StoreCollection c) {
        return c.query(QueryRequest.embedding(new float[] {1, 0}).nResults(2).include(Include.DISTANCES));
    }
}
