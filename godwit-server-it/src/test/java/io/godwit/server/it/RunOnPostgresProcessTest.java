package io.godwit.server.it;

import io.godwit.store.GetRequest;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.HttpGodwitClient;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code godwit run --url JDBC_URL} on a real PostgreSQL (GODWIT_TEST_PG_URL when set, else the
 * embedded server of the PostgreSQL tests), as real processes: three servers started at once on a
 * new database all come up (each migrates under the migration lock, then takes its shared hold) and
 * serve the same records (a write through one is read and queried through another); all hold it in
 * use, so {@code status} from another process names them and a {@code migrate} with something
 * pending refuses with exit 6 naming them; after SIGTERM (143) a restarted server answers every
 * acknowledged record.
 */
class RunOnPostgresProcessTest {
    @TempDir
    Path dir;

    @Test
    void serversStartingAtOnceShareOneDatabaseHoldItInUseAndKeepEveryWrite() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        // The password travels in PGPASSWORD, never on the command line (the embedded server has none).
        Map<String, String> env = db.password() == null || db.password().isEmpty() ? Map.of()
                : Map.of("PGPASSWORD", db.password());
        String[] store = {"--url", db.url(), "--user", db.user()};
        List<GodwitRun> runs = startAtOnce(env, with(store, "--port", "0"), "a", "b", "c");
        try (GodwitRun a = runs.get(0); GodwitRun b = runs.get(1); GodwitRun c = runs.get(2)) {
            StoreCollection viaA = client(a).getOrCreateCollection("shared");
            viaA.add(RecordBatch.of("x", "y").embeddings(List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}))
                    .documents(List.of("written through a", "also through a")));
            StoreCollection viaB = client(b).getCollection("shared").orElseThrow();
            assertThat(viaB.get(GetRequest.ids("x", "y")).documents()).containsExactly("written through a", "also through a");
            assertThat(viaB.query(QueryRequest.embedding(new float[] {0, 1, 0}).nResults(1)).ids().get(0)).containsExactly("y");

            GodwitCommand status = GodwitCommand.run(dir.resolve("cli"), env, with(store, "status"));
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("Upgrade: current.").contains("In use by 3 clients")
                    .contains("pid " + a.pid()).contains("pid " + b.pid()).contains("pid " + c.pid());
            Path pending = Files.createDirectories(dir.resolve("extra"));
            Files.writeString(pending.resolve("00001-tags.postgresql.sql"), "CREATE TABLE tags (name TEXT);\n");
            GodwitCommand migrate = GodwitCommand.run(dir.resolve("cli"), env, with(store, "migrate", "--migrations-dir",
                    "extra=" + pending, "--lock-timeout", "2"));
            assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(6);
            assertThat(migrate.err()).contains("while it is in use").contains("pid " + a.pid()).contains("pid " + b.pid())
                    .doesNotContain("\tat ");

            assertThat(a.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
            assertThat(b.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
            assertThat(c.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
            assertThat(a.stderr()).contains("Stopped").doesNotContain("Exception");
        }
        try (GodwitRun again = GodwitRun.start(dir.resolve("again"), env, with(store, "--port", "0"))) {
            StoreCollection shared = client(again).getCollection("shared").orElseThrow();
            assertThat(shared.get(GetRequest.ids("x", "y")).documents()).containsExactly("written through a", "also through a");
            assertThat(again.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
        }
    }

    /** Servers launched at the same moment, each awaited; if one does not start, the others are stopped. */
    private List<GodwitRun> startAtOnce(Map<String, String> env, String[] args, String... names) throws Exception {
        ExecutorService launcher = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<GodwitRun>> starting = new ArrayList<>();
            for (String name : names) {
                starting.add(launcher.submit(() -> GodwitRun.start(dir.resolve(name), env, args)));
            }
            List<GodwitRun> started = new ArrayList<>();
            Exception failure = null;
            for (Future<GodwitRun> f : starting) {
                try {
                    started.add(f.get());
                } catch (ExecutionException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                for (GodwitRun run : started) {
                    run.close();
                }
                throw failure;
            }
            return started;
        } finally {
            launcher.shutdown();
        }
    }

    private static StoreClient client(GodwitRun run) {
        return HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(30));
    }

    /** {@code first}'s options followed by {@code more}, with the command name first when it is one. */
    private static String[] with(String[] first, String... more) {
        boolean command = more.length > 0 && !more[0].startsWith("--");
        List<String> all = new java.util.ArrayList<>();
        if (command) {
            all.add(more[0]);
        }
        all.addAll(List.of(first));
        all.addAll(List.of(more).subList(command ? 1 : 0, more.length));
        return all.toArray(String[]::new);
    }
}
