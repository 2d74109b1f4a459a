package io.godwit.store.crash;

import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several JVMs on one persist directory: writes serialise through the database, with a bounded wait naming the holder. */
class TwoProcessesTest {
    @TempDir
    Path dir;

    @Test
    void twoWriterJvmsOnOnePersistDirectoryBothLandEveryBatch() throws Exception {
        GodwitClient.persistent(dir).close();
        Process a = JavaProcess.builder(WriterProcess.class, List.of(dir.toString(), "a", "0", "25")).redirectErrorStream(true).start();
        Process b = JavaProcess.builder(WriterProcess.class, List.of(dir.toString(), "b", "0", "25")).redirectErrorStream(true).start();
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(outA).isZero();
        assertThat(b.exitValue()).as(outB).isZero();
        assertThat(outA).contains("ACK 24", "DONE");
        assertThat(outB).contains("ACK 24", "DONE");
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.getCollection("crash").orElseThrow();
            assertThat(c.count()).isEqualTo(2 * 25 * WriterProcess.BATCH);
            assertThat(c.get(GetRequest.ids(WriterProcess.id("a", 24, 39), WriterProcess.id("b", 0, 0))).ids()).hasSize(2);
            assertThat(client.listCollections(null, 0)).hasSize(1);
        }
    }

    @Test
    void aWriteWaitsAtMostTheTimeoutThenIsRefusedNamingTheHoldingProcess() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir, Settings.defaults().withWriteLockTimeout(Duration.ofMillis(500)))) {
            StoreCollection c = client.createCollection("books");
            c.add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {1})));
            Process holder = JavaProcess.builder(LockHolderProcess.class,
                    List.of(dir.resolve(GodwitClient.DATABASE_FILE).toString())).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("HOLDING");
                assertThatThrownBy(() -> c.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {2}))))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY);
                            assertThat(e.getMessage()).contains("is being written by another process")
                                    .contains("pid " + holder.pid() + " on ").contains("500 ms")
                                    .contains("Settings.writeLockTimeout").contains("Nothing was written");
                        });
                assertThat(c.get(GetRequest.all()).ids()).as("reads go on meanwhile").containsExactly("a");
            } finally {
                holder.getOutputStream().close();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            c.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {2})));
            assertThat(c.count()).isEqualTo(2);
        }
    }
}
