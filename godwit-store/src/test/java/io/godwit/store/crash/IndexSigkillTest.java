package io.godwit.store.crash;

import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.StoreCollection;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM writing records and rewriting its vector index file ({@link IndexWriterProcess}) is
 * killed with SIGKILL four times at random instants among its writes (while it indexes and
 * flushes); each next writer reopens the same store. Then the store, reopened, answers every
 * acknowledged record as its own nearest neighbour at distance 0.
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
                p.destroyForcibly(); // SIGKILL
                // Acknowledgements printed before the kill count too.
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acked.add(Integer.parseInt(line.substring(4)));
                        lastAcked = Integer.parseInt(line.substring(4));
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            next = lastAcked + 2; // the batch in flight may or may not be there: the next writer skips it
        }
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.getCollection("idx").orElseThrow();
            for (int b : acked) {
                for (int i = 0; i < IndexWriterProcess.BATCH; i++) {
                    QueryResult r = c.query(QueryRequest.embedding(IndexWriterProcess.vector(b, i)).nResults(1));
                    assertThat(r.ids().get(0)).as("batch %d record %d", b, i).containsExactly(b + "-" + i);
                    assertThat(r.distances().get(0).get(0)).isZero();
                }
            }
        }
    }
}
