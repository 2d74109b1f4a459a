package io.godwit.cli;

import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.importer.ChromaImporter;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import into an existing store, killed with SIGKILL in a real JVM around the moment its staged
 * collections get their names: each time the store holds all of the imported collections under
 * their names, complete, or none of them; its own collection is untouched; and the import run
 * again either ends as an uninterrupted one or is refused because it had finished.
 */
class ImportPublishKillTest {
    private static final int COLLECTIONS = 40;
    private static final int RECORDS = 30;
    private static final int TRIALS = 4;

    @TempDir
    Path dir;

    @Test
    void aKillAtAnyInstantOfThePublishingLeavesAllOrNoneOfTheCollections() throws Exception {
        Path from = ParquetSource.write(dir.resolve("chroma-0.3"), COLLECTIONS, RECORDS);
        Path clean = existingStore(dir.resolve("clean"));
        CliRunner.Result first = CliRunner.run("import", "--from", from.toString(), "--path", clean.toString(), "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Long> complete = finalCollections(clean);
        assertThat(complete).hasSize(COLLECTIONS + 1);

        Random random = new Random(20261201);
        int before = 0;
        int after = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path target = existingStore(dir.resolve("killed-" + trial));
            Process p = JavaProcess.start(GodwitCli.class, List.of("import", "--from", from.toString(), "--path", target.toString()));
            // Even trials: once every collection is staged, within the verification of the last and the
            // renames; odd trials: as soon as the first staged name is gone (the renames have begun).
            boolean staged = awaitStaged(target, p, trial % 2 == 0 ? COLLECTIONS : -1);
            if (staged && trial % 2 == 0) {
                Thread.sleep(random.nextInt(400));
            }
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Map<String, Long> found = finalCollections(target);
            if (found.size() == 1) {
                before++;
                assertThat(found).isEqualTo(Map.of("mine", 2L));
                CliRunner.Result again = CliRunner.run("import", "--from", from.toString(), "--path", target.toString());
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(finalCollections(target)).isEqualTo(complete);
                assertThat(stagedCount(target)).isZero();
            } else {
                after++;
                assertThat(found).as("trial " + trial + ": all imported collections, complete, or none").isEqualTo(complete);
                CliRunner.Result again = CliRunner.run("import", "--from", from.toString(), "--path", target.toString());
                assertThat(again.exitCode()).isEqualTo(1);
                assertThat(again.err()).contains("The store already has collections of the names the import would create");
            }
        }
        assertThat(before + after).as(before + " before, " + after + " after").isEqualTo(TRIALS);
    }

    /** A store that exists before the import, with one collection of its own. */
    private static Path existingStore(Path dir) {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection mine = client.createCollection("mine");
            mine.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})));
        }
        return dir;
    }

    /** Collections under their final names, with their record counts, read from the database file directly. */
    private static Map<String, Long> finalCollections(Path store) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve(GodwitClient.DATABASE_FILE));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.name, (SELECT count(*) FROM embeddings e JOIN segments s ON"
                     + " e.segment_id = s.id WHERE s.collection = c.id AND s.scope = 'METADATA') FROM collections c")) {
            while (rs.next()) {
                if (!rs.getString(1).startsWith(ChromaImporter.TEMPORARY_PREFIX)) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static long stagedCount(Path store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve(GodwitClient.DATABASE_FILE));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM collections WHERE name LIKE '"
                     + ChromaImporter.TEMPORARY_PREFIX + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until {@code n} collections are staged ({@code n} > 0), or until staged ones were seen and
     * then fewer are (n = -1); false when the process ends first.
     */
    private static boolean awaitStaged(Path store, Process p, int n) throws Exception {
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (p.isAlive() && System.nanoTime() < deadline) {
            long staged = stagedCount(store);
            if (n > 0 ? staged >= n : staged < seen) {
                return true;
            }
            seen = Math.max(seen, staged);
            Thread.sleep(2);
        }
        return false;
    }
}
