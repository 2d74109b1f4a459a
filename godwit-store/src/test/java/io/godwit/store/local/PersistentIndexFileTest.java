package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistent client's index files: written under {@code vector/SEGMENT/} with the position
 * recorded in {@code max_seq_id}, reopened from the file, and rebuilt (with a log line and the same
 * answers) when the file is deleted, truncated or has one byte flipped; deleting the collection
 * removes its folder.
 */
class PersistentIndexFileTest {
    private static final float[][] DATA = SeededVectors.clustered(21, 1500, 8, 10);
    private static final float[][] QUERIES = SeededVectors.clustered(22, 10, 8, 10);

    @TempDir
    Path dir;

    private String vectorSegment() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE))) {
            return Jdbc.stringValue(c, "SELECT id FROM segments WHERE scope = 'VECTOR'");
        }
    }

    private Path indexFile() throws Exception {
        return dir.resolve(HnswVectors.FOLDER).resolve(vectorSegment()).resolve("index.gwvx");
    }

    private List<List<String>> answers(StoreCollection c) {
        List<List<String>> out = new ArrayList<>();
        for (float[] q : QUERIES) {
            out.add(c.query(QueryRequest.embedding(q).nResults(10)).ids().get(0));
        }
        return out;
    }

    private static List<List<String>> exact() {
        List<List<String>> out = new ArrayList<>();
        for (float[] q : QUERIES) {
            out.add(SeededVectors.exact(Space.L2, DATA, q, 10));
        }
        return out;
    }

    /** What the store logs (SLF4J's simple logger writes to System.err) while {@code work} runs. */
    private static String logged(Runnable work) {
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(old);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        old.print(text);
        return text;
    }

    @Test
    void theFileIsWrittenWithItsPositionAndReopenedWithoutARebuild() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = VectorIndexContract.fill(client.createCollection("books"), DATA, 1);
            VectorIndexContract.awaitIndexed(client, c);
            assertThat(answers(c)).isEqualTo(exact());
        }
        assertThat(indexFile()).isRegularFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE))) {
            assertThat(Jdbc.longValue(c, -1, "SELECT seq_id FROM max_seq_id WHERE segment_id = ? AND epoch ="
                    + " (SELECT epoch FROM store_epoch)", vectorSegment())).isEqualTo(DATA.length);
        }
        String log = logged(() -> {
            try (GodwitClient client = GodwitClient.persistent(dir)) {
                assertThat(answers(client.getCollection("books").orElseThrow())).isEqualTo(exact());
            }
        });
        assertThat(log).doesNotContain("rebuilding");
    }

    @Test
    void aDeletedTruncatedOrFlippedFileIsRebuiltWithTheSameAnswers() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            VectorIndexContract.awaitIndexed(client, VectorIndexContract.fill(client.createCollection("books"), DATA, 1));
        }
        List<Consumer<Path>> damages = List.of(
                f -> io(() -> Files.delete(f)),
                f -> io(() -> Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(f), (int) (Files.size(f) / 2)))),
                f -> io(() -> {
                    byte[] b = Files.readAllBytes(f);
                    b[b.length / 3] ^= 0x10;
                    Files.write(f, b);
                }));
        List<String> why = List.of("", "truncated", "checksum");
        for (int i = 0; i < damages.size(); i++) {
            damages.get(i).accept(indexFile());
            int damage = i;
            String log = logged(() -> {
                try (GodwitClient client = GodwitClient.persistent(dir)) {
                    StoreCollection c = client.getCollection("books").orElseThrow();
                    assertThat(answers(c)).as("damage %d", damage).isEqualTo(exact());
                    io(() -> VectorIndexContract.awaitIndexed(client, c));
                    assertThat(answers(c)).as("damage %d, rebuilt", damage).isEqualTo(exact());
                }
            });
            if (i > 0) {
                assertThat(log).contains("rebuilding it from the database").contains(why.get(i));
            }
            assertThat(indexFile()).isRegularFile();
        }
    }

    @Test
    void deletingTheCollectionRemovesItsFolder() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            VectorIndexContract.awaitIndexed(client, VectorIndexContract.fill(client.createCollection("books"), DATA, 1));
        }
        Path folder = indexFile().getParent();
        assertThat(folder).isDirectory();
        try (GodwitClient again = GodwitClient.persistent(dir)) {
            again.getCollection("books").orElseThrow().query(QueryRequest.embedding(QUERIES[0]).nResults(1));
            again.deleteCollection("books");
        }
        assertThat(folder).doesNotExist();
    }

    private interface IoWork {
        void run() throws Exception;
    }

    private static void io(IoWork work) {
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
