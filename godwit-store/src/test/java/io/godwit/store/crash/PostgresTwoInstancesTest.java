package io.godwit.store.crash;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreCollection;
import io.godwit.testing.JavaProcess;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances (this JVM and {@link IndexClientProcess}) on one PostgreSQL database,
 * each with its own vector index in memory fed from the shared log: each sees the other's adds,
 * updates and deletes at its next query, also after the other's purges passed its position.
 */
class PostgresTwoInstancesTest {

    @Test
    void eachInstanceSeesTheOthersWritesAtItsNextQuery() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        try (GodwitClient client = GodwitClient.postgres(db.url(), db.user(), db.password())) {
            StoreCollection c = client.getOrCreateCollection("shared");
            IndexClientProcess.add(c, "p", 50, 1000);
            assertThat(IndexClientProcess.near(c, 1000, 1)).containsExactly("p0");   // this instance's index is open
            Process other = JavaProcess.start(IndexClientProcess.class, List.of(db.url(), db.user(), db.password()));
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter in = new PrintWriter(other.getOutputStream(), true, StandardCharsets.UTF_8)) {
                assertThat(until(out, "READY")).isEqualTo("READY");
                assertThat(ask(in, out, "query 1000 1")).isEqualTo("IDS p0");
                assertThat(ask(in, out, "add c 50 0")).isEqualTo("OK");
                assertThat(IndexClientProcess.near(c, 10, 1)).containsExactly("c10");
                c.delete(io.godwit.store.DeleteRequest.ids("p0"));
                assertThat(ask(in, out, "query 1000 1")).isEqualTo("IDS p1");
                assertThat(ask(in, out, "move c10 5000")).isEqualTo("OK");
                assertThat(IndexClientProcess.near(c, 5000, 1)).containsExactly("c10");
                assertThat(IndexClientProcess.near(c, 10, 1)).doesNotContain("c10");
                // Several batches by the other instance: its purges pass this one's position.
                for (int b = 0; b < 3; b++) {
                    assertThat(ask(in, out, "add n" + b + "x 10 " + (9000 + 100 * b))).isEqualTo("OK");
                }
                assertThat(ask(in, out, "delete c20")).isEqualTo("OK");
                assertThat(IndexClientProcess.near(c, 9200, 1)).containsExactly("n2x0");
                assertThat(IndexClientProcess.near(c, 20, 1)).doesNotContain("c20");
                assertThat(IndexClientProcess.near(c, 0, 200)).hasSize(49 + 49 + 30);
                in.close();
                assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                other.destroyForcibly();
            }
        }
    }

    private static String ask(PrintWriter in, BufferedReader out, String command) throws Exception {
        in.println(command);
        return until(out, "");
    }

    /** The next line of the other instance's answers that starts with {@code prefix} (its log lines skipped). */
    private static String until(BufferedReader out, String prefix) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY") || line.startsWith("OK") || line.startsWith("IDS")) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new AssertionError("the other instance stopped");
    }
}
