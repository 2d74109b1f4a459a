package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log is purged below what every consumer holds, keeps the last batch, and keeps everything with keepLog. */
class LogPurgeTest {
    @TempDir
    Path temp;

    private static void writeThreeBatches(StoreCollection c) {
        c.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1}, new float[] {2})));
        c.update(RecordBatch.of("a").documents(List.of("doc")));
        c.add(RecordBatch.of("c").embeddings(List.<float[]>of(new float[] {3})));
    }

    private long logEntries(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE))) {
            return Jdbc.longValue(c, -1, "SELECT count(*) FROM embeddings_queue");
        }
    }

    @Test
    void withoutConsumersOnlyTheLastBatchStaysAndKeepLogKeepsEverything() throws Exception {
        Path purged = temp.resolve("purged");
        try (GodwitClient client = GodwitClient.persistent(purged)) {
            writeThreeBatches(client.createCollection("books"));
        }
        assertThat(logEntries(purged)).isEqualTo(1);
        Path kept = temp.resolve("kept");
        try (GodwitClient client = GodwitClient.persistent(kept, Settings.defaults().withKeepLog(true))) {
            writeThreeBatches(client.createCollection("books"));
        }
        assertThat(logEntries(kept)).isEqualTo(4);
    }

    @Test
    void aConsumerThatRecordsItsPositionKeepsTheEntriesAfterIt() throws Exception {
        Path dir = temp.resolve("store");
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection("books");
            c.add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {1})));
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE))) {
                // A vector segment holding seq_id 1 of this epoch, as an index that keeps a position records it.
                Jdbc.update(db, "INSERT INTO max_seq_id (segment_id, seq_id, epoch, record_count) SELECT s.id, 1,"
                        + " (SELECT epoch FROM store_epoch), 0 FROM segments s WHERE s.scope = 'VECTOR'");
            }
            c.add(RecordBatch.of("b").embeddings(List.<float[]>of(new float[] {2})));
            c.add(RecordBatch.of("c").embeddings(List.<float[]>of(new float[] {3})));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE))) {
            assertThat(Jdbc.longValue(db, -1, "SELECT min(seq_id) FROM embeddings_queue")).isEqualTo(2);
            assertThat(Jdbc.longValue(db, -1, "SELECT count(*) FROM embeddings_queue")).isEqualTo(2);
        }
    }
}
