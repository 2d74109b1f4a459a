package io.godwit.store.crash;

import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.testing.JavaProcess;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several application instances (real JVMs) on one PostgreSQL database: each reads what the others
 * wrote, and a write waits at most the timeout for another session's, then is refused naming it.
 */
class PostgresInstancesTest {
    private static final int BATCHES = 10;

    @Test
    void twoInstancesOnOneDatabaseWriteAndReadEachOthersRecords() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        GodwitClient.postgres(db.url(), db.user(), db.password()).close();   // migrated once, before both start
        Process a = instance(db, "a", "b");
        Process b = instance(db, "b", "a");
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(a.waitFor(180, TimeUnit.SECONDS) && b.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(outA).isZero();
        assertThat(b.exitValue()).as(outB).isZero();
        int each = BATCHES * WriterProcess.BATCH;
        assertThat(outA).as(outA).contains("ACK " + (BATCHES - 1), "READ " + each, "DONE");
        assertThat(outB).as(outB).contains("ACK " + (BATCHES - 1), "READ " + each, "DONE");
        try (GodwitClient client = GodwitClient.postgres(db.url(), db.user(), db.password())) {
            StoreCollection c = client.getCollection("crash").orElseThrow();
            assertThat(c.count()).isEqualTo(2L * each);
            assertThat(c.get(GetRequest.all()).ids()).hasSize(2 * each).doesNotHaveDuplicates();
            assertThat(client.listCollections(null, 0)).hasSize(1);
        }
    }

    @Test
    void aWriteWaitsAtMostTheTimeoutThenIsRefusedNamingTheHoldingSession() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        Settings settings = Settings.defaults().withWriteLockTimeout(Duration.ofMillis(500));
        try (GodwitClient client = GodwitClient.postgres(db.url(), db.user(), db.password(), settings)) {
            StoreCollection c = client.createCollection("books");
            c.add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {1})));
            ProcessBuilder pb = JavaProcess.builder(PostgresLockHolderProcess.class, List.of(db.url(), db.user()));
            pb.environment().put("GODWIT_TEST_DB_PASSWORD", db.password());
            Process holder = pb.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("HOLDING");
                assertThatThrownBy(() -> c.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {2}))))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY);
                            assertThat(e.getMessage()).contains("is being written by another session")
                                    .contains("application 'godwit pid " + holder.pid() + " on ").contains("500 ms")
                                    .contains("Settings.writeLockTimeout").contains("Nothing was written")
                                    .doesNotContain("password");
                        });
                assertThat(c.get(GetRequest.all()).ids()).as("reads go on meanwhile").containsExactly("a");
                assertThat(c.count()).isEqualTo(1);
            } finally {
                holder.getOutputStream().close();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            c.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {2})));
            assertThat(c.get(GetRequest.all()).ids()).containsExactly("a", "b");
        }
    }

    private static Process instance(TestDatabase db, String me, String other) throws Exception {
        ProcessBuilder pb = JavaProcess.builder(PostgresInstanceProcess.class,
                List.of(db.url(), db.user(), me, other, String.valueOf(BATCHES)));
        pb.environment().put("GODWIT_TEST_DB_PASSWORD", db.password());
        return pb.redirectErrorStream(true).start();
    }
}
