package io.godwit.store.crash;

import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.StoreCollection;
import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.store.local.IndexVerification;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM writing records and rewriting its vector index file ({@link IndexWriterProcess}) is
 * killed with SIGKILL four times at random instants among its writes (while it indexes and
 * flushes); each next writer reopens the same store. Then the killed writer's index file, caught up
 * from the log, holds exactly the records (verify's check), and the store, reopened, holds every
 * acknowledged record with its vector.
 */
class IndexSigkillTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordIsFoundAfterKillsMidFlush() throws Exception {
        Random random = new Random(20261202L);
        int next = 0;
        int lastAcked = -1;
        java.util.List<Integer> acked = new java.util.ArrayList<>();
        for (int trial = 0; trial < 4; trial++) {
            Process p = JavaProcess.start(IndexWriterProcess.class, List.of(dir.toString(), String.valueOf(next)));
            int wanted = 3 + random.nextInt(6);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int seen = 0;
                while (seen < wanted && (line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        lastAcked = Integer.parseInt(line.substring(4));
                        acked.add(lastAcked);
                        seen++;
                    }
                }
                assertThat(seen).as("trial %d: the writer acknowledged its batches", trial).isEqualTo(wanted);
                Thread.sleep(random.nextInt(400));
                // SIGKILL through the handle (Process.destroyForcibly would close the pipe with ACKs still in it).
                p.toHandle().destroyForcibly();
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        lastAcked = Integer.parseInt(line.substring(4));
                        acked.add(lastAcked);
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            next = lastAcked + 2; // the batch in flight may or may not be there: the next writer skips it
        }
        // The killed writer's file, caught up from the log, holds exactly the records (or cannot serve and is rebuilt).
        var found = IndexVerification.run(new SqliteDatabase(dir.resolve(GodwitClient.DATABASE_FILE), Duration.ofSeconds(10)),
                dir).orElseThrow();
        assertThat(found.problems()).allMatch(p -> p.contains("cannot serve"));
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.getCollection("idx").orElseThrow();
            int nearest = 0;
            for (int b : acked) {
                for (int i = 0; i < IndexWriterProcess.BATCH; i++) {
                    float[] v = IndexWriterProcess.vector(b, i);
                    // Held, with its vector: the record itself at distance 0.
                    QueryResult own = c.query(QueryRequest.embedding(v).nResults(1).ids(List.of(b + "-" + i)));
                    assertThat(own.ids().get(0)).as("batch %d record %d", b, i).containsExactly(b + "-" + i);
                    assertThat(own.distances().get(0).get(0)).isZero();
                    // Found by the graph search too (HNSW is approximate: a rare node no link reaches is missed).
                    nearest += c.query(QueryRequest.embedding(v).nResults(1)).ids().get(0).equals(List.of(b + "-" + i)) ? 1 : 0;
                }
            }
            assertThat(nearest).isGreaterThanOrEqualTo((int) (0.99 * acked.size() * IndexWriterProcess.BATCH));
        }
    }
}
