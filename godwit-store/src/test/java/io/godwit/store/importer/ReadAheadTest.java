package io.godwit.store.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading ahead on another thread hands on exactly what the source reads, in its order, on the
 * caller's thread; a failure on either side ends both before the call returns (the peer-written
 * fixture's collection "bulk", 1,248 records, in batches of 100).
 */
class ReadAheadTest {
    @TempDir
    Path temp;

    private static SourceCollection bulk(ChromaSource source) {
        return source.collections().stream().filter(c -> c.name().equals("bulk")).findFirst().orElseThrow();
    }

    @Test
    void handsOnEveryBatchInTheSourcesOrderOnTheCallersThread() {
        try (ChromaSource source = ChromaSource.open(Fixtures.copy("1.0-peer/persist", temp))) {
            List<List<SourceRecord>> direct = new ArrayList<>();
            source.read(bulk(source), 100, direct::add);
            List<List<SourceRecord>> ahead = new ArrayList<>();
            Thread caller = Thread.currentThread();
            ReadAhead.read(source, bulk(source), 100, batch -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                ahead.add(batch);
            });
            assertThat(ahead).hasSize(13).hasSameSizeAs(direct);
            for (int i = 0; i < direct.size(); i++) {
                assertThat(ahead.get(i)).extracting(SourceRecord::id).isEqualTo(direct.get(i).stream().map(SourceRecord::id).toList());
                for (int j = 0; j < direct.get(i).size(); j++) {
                    assertThat(Arrays.equals(ahead.get(i).get(j).embedding(), direct.get(i).get(j).embedding())).isTrue();
                }
            }
            assertThat(readers()).isEmpty();
        }
    }

    @Test
    void theConsumersFailureStopsTheReaderAndComesOutUnchanged() {
        try (ChromaSource source = ChromaSource.open(Fixtures.copy("1.0-peer/persist", temp))) {
            IllegalStateException refusal = new IllegalStateException("the store refuses");
            int[] seen = {0};
            assertThatThrownBy(() -> ReadAhead.read(source, bulk(source), 100, batch -> {
                if (++seen[0] == 3) {
                    throw refusal;
                }
            })).isSameAs(refusal);
            assertThat(seen[0]).isEqualTo(3);
            assertThat(readers()).isEmpty();
            List<SourceRecord> again = new ArrayList<>();
            source.read(bulk(source), 10_000, again::addAll);   // the source is free again, and whole
            assertThat(again).hasSize(1248);
        }
    }

    @Test
    void theReadersFailureComesOutOnTheCallersThreadAfterTheBatchesBeforeIt() throws Exception {
        Path dir = Fixtures.copy("1.0-peer/persist", temp);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chroma.sqlite3"))) {
            // the 950th record gets an id whose vector is nowhere: the tenth batch fails
            c.createStatement().execute("UPDATE embeddings SET embedding_id = 'ghost' WHERE id = (SELECT e.id FROM embeddings e"
                    + " JOIN segments s ON s.id = e.segment_id JOIN collections c ON c.id = s.collection"
                    + " WHERE c.name = 'bulk' AND s.scope = 'METADATA' ORDER BY e.id LIMIT 1 OFFSET 949)");
        }
        try (ChromaSource source = ChromaSource.open(dir)) {
            List<String> ids = new ArrayList<>();
            assertThatThrownBy(() -> ReadAhead.read(source, bulk(source), 100,
                    batch -> batch.forEach(r -> ids.add(r.id()))))
                    .isInstanceOf(ImportException.class).hasMessageContaining("Record ghost of collection bulk has no vector");
            assertThat(ids).hasSize(900);
            assertThat(readers()).isEmpty();
        }
    }

    private static List<Thread> readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("godwit-import-reader")).toList();
    }
}
