package io.godwit.cli;

import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** godwit verify checks that each persisted vector index holds exactly its collection's records, and writes nothing. */
class VerifyIndexTest {
    @TempDir
    Path dir;

    private Path store() {
        Path data = dir.resolve("data");
        try (GodwitClient client = GodwitClient.persistent(data)) {
            StoreCollection c = client.createCollection("books");
            List<String> ids = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add("r" + i);
                vectors.add(new float[] {i, 1});
            }
            c.add(RecordBatch.of(ids.toArray(String[]::new)).embeddings(vectors));
            c.query(QueryRequest.embedding(new float[] {0, 1}).nResults(1));
            c.delete(io.godwit.store.DeleteRequest.ids("r3"));   // in the log after the file's position, or in the file
        }
        return data;
    }

    private static Path indexFile(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("vector"))) {
            return files.filter(p -> p.getFileName().toString().equals("index.gwvx")).findFirst().orElseThrow();
        }
    }

    private static byte[] snapshot(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(p.toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
            return md.digest();
        }
    }

    @Test
    void aSoundIndexPassesAndVerifyWritesNothing() throws Exception {
        Path data = store();
        byte[] before = snapshot(data);
        CliRunner.Result r = run("verify", "--path", data.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("vector indexes (1 collections, 1 with an index file): ok");
        assertThat(snapshot(data)).isEqualTo(before);
    }

    @Test
    void anIndexThatDiffersFromTheRecordsOrCannotServeIsAProblem() throws Exception {
        Path data = store();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("godwit.sqlite3"));
             Statement st = c.createStatement()) {
            // A record gone without a log entry: the index would still answer it.
            st.execute("DELETE FROM embeddings WHERE embedding_id = 'r7'");
        }
        CliRunner.Result r = run("verify", "--path", data.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).contains("vector indexes (1 collections, 1 with an index file): 1 problem(s)",
                "collection 'books'", "1 in the index but not in the database");

        Path file = indexFile(data);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        CliRunner.Result flipped = run("verify", "--path", data.toString());
        assertThat(flipped.exitCode()).isEqualTo(4);
        assertThat(flipped.out()).contains("cannot serve", "checksum");
    }
}
