package io.godwit.store.crash;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.StoreCollection;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real writer JVM ({@link WriterProcess}) is killed with SIGKILL 50 times at random instants
 * (one trial in five while it starts, opens or migrates the store, one around its first write, three among its writes). After each kill the store, reopened,
 * holds every batch whose add returned (whole: every record with its vector, metadata and
 * document), the batch in flight whole or not at all, and nothing else; its count agrees. The next
 * writer continues on the same store, so later trials run on a store that earlier kills hit.
 */
class SigkillTrialsTest {
    private static final int TRIALS = 50;

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedBatchIsLostAndNoBatchIsTornAcrossFiftyKills() throws Exception {
        Random random = new Random(20261201L);
        int next = 0;
        int killedWhileWriting = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            ProcessBuilder writer = JavaProcess.builder(WriterProcess.class, List.of(dir.toString(), "w",
                    String.valueOf(next), "0")).redirectErrorStream(true);
            // A quick-starting JVM: 50 starts dominate the test's time, and C1 code is fast enough here.
            writer.command().addAll(1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            Process p = writer.start();
            AtomicInteger acked = new AtomicInteger(-1);
            java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch firstAck = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> readAcks(p, acked, open, firstAck));
            reader.start();
            if (trial % 5 == 0) {
                Thread.sleep(random.nextInt(1500));   // while the JVM starts, opens or migrates the store
            } else if (trial % 5 == 1) {
                assertThat(open.await(60, TimeUnit.SECONDS)).as("trial %d: the writer opened the store", trial).isTrue();
                Thread.sleep(random.nextInt(1000));   // around its first write
            } else {
                assertThat(firstAck.await(60, TimeUnit.SECONDS)).as("trial %d: the writer wrote", trial).isTrue();
                Thread.sleep(random.nextInt(500));    // among its writes
            }
            // SIGKILL on Linux, through the handle: Process.destroyForcibly also closes our end of its
            // stdout, losing the ACKs still in the pipe, which the reader must count.
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(60_000);   // the pipe ends with the process: the reader has every ACK the writer printed
            assertThat(reader.isAlive()).as("trial %d: the ACK reader reached the end of the output", trial).isFalse();
            int lastAck = acked.get();
            killedWhileWriting += lastAck >= 0 ? 1 : 0;
            next = check(next, lastAck, trial);
        }
        assertThat(killedWhileWriting).as("kills that hit a writing process").isGreaterThanOrEqualTo(TRIALS * 3 / 5);
    }

    /** Checks the store after a kill; returns the first batch number the next writer should write. */
    private int check(int first, int lastAck, int trial) {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            if (client.getCollection("crash").isEmpty()) {
                assertThat(lastAck).as("trial %d: acknowledged batches but no collection", trial).isLessThan(first);
                return first;
            }
            StoreCollection c = client.getCollection("crash").orElseThrow();
            GetResult all = c.get(GetRequest.all().include(Include.EMBEDDINGS, Include.METADATAS, Include.DOCUMENTS));
            Map<Long, Integer> perBatch = new TreeMap<>();
            for (int i = 0; i < all.ids().size(); i++) {
                Map<String, Object> m = all.metadatas().get(i);
                long b = (Long) m.get("batch");
                long r = (Long) m.get("i");
                assertThat(all.ids().get(i)).isEqualTo(WriterProcess.id("w", (int) b, (int) r));
                assertThat(all.documents().get(i)).isEqualTo("batch " + b + " record " + r);
                assertThat(all.embeddings().get(i)[WriterProcess.DIMENSION - 1]).isEqualTo(b * 1000 + r + 0.15f);
                assertThat(m.get("tags")).isEqualTo(List.of(b, r));
                perBatch.merge(b, 1, Integer::sum);
            }
            assertThat(perBatch.values()).as("trial %d: every batch whole", trial).allMatch(n -> n == WriterProcess.BATCH);
            long highest = perBatch.isEmpty() ? -1 : ((TreeMap<Long, Integer>) perBatch).lastKey();
            for (long b = 0; b <= Math.max(lastAck, first - 1); b++) {
                assertThat(perBatch).as("trial %d: batch %d was acknowledged", trial, b).containsKey(b);
            }
            assertThat(highest).as("trial %d: nothing beyond the batch in flight", trial)
                    .isLessThanOrEqualTo(Math.max(lastAck, first - 1) + 1);
            assertThat(perBatch).hasSize((int) highest + 1);
            assertThat(c.count()).isEqualTo(all.ids().size());
            return (int) highest + 1;
        }
    }

    private static void readAcks(Process p, AtomicInteger acked, java.util.concurrent.CountDownLatch open,
                                 java.util.concurrent.CountDownLatch firstAck) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("OPEN")) {
                    open.countDown();
                }
                if (line.startsWith("ACK ")) {
                    acked.set(Integer.parseInt(line.substring(4)));
                    firstAck.countDown();
                }
            }
        } catch (java.io.IOException killed) {
            // the pipe closes with the process
        }
    }
}
