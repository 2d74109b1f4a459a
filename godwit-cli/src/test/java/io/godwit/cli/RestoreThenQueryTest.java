package io.godwit.cli;

import io.godwit.store.DeleteRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * godwit restore gives the store a new epoch, so the vector index persisted beside the database
 * (which holds writes the restore undid) is rebuilt from the restored records: queries never
 * answer a record the restored database does not hold, and find the ones it does.
 */
class RestoreThenQueryTest {
    @TempDir
    Path dir;

    private static void add(StoreCollection c, String prefix, int n, float base) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
            vectors.add(new float[] {base + i, 1});
        }
        c.add(RecordBatch.of(ids.toArray(String[]::new)).embeddings(vectors));
    }

    private static List<String> near(StoreCollection c, float x, int k) {
        return c.query(QueryRequest.embedding(new float[] {x, 1}).nResults(k)).ids().get(0);
    }

    @Test
    void afterARestoreQueriesAnswerFromTheRestoredRecords() {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup.sqlite3");
        try (GodwitClient client = GodwitClient.persistent(data)) {
            StoreCollection c = client.createCollection("books");
            add(c, "a", 20, 0);
            assertThat(near(c, 0, 1)).containsExactly("a0");
        }
        CliRunner.Result saved = run("backup", "--path", data.toString(), "--to", backup.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        try (GodwitClient client = GodwitClient.persistent(data)) {
            StoreCollection c = client.getCollection("books").orElseThrow();
            add(c, "b", 20, 1000);                     // undone by the restore
            c.delete(DeleteRequest.ids("a0"));         // undone too: a0 comes back
            assertThat(near(c, 1000, 1)).containsExactly("b0");
        }                                              // the index file now holds b*, not a0

        CliRunner.Result restored = run("restore", "--path", data.toString(), "--from", backup.toString(), "--yes");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("new epoch");

        try (GodwitClient client = GodwitClient.persistent(data)) {
            StoreCollection c = client.getCollection("books").orElseThrow();
            add(c, "c", 30, 5000);                    // moves the log past the stale file's seq_id
            assertThat(near(c, 1000, 50)).hasSize(50).noneMatch(id -> id.startsWith("b"));
            assertThat(near(c, 0, 1)).containsExactly("a0");
            assertThat(c.count()).isEqualTo(50);
        }
    }
}
