package io.godwit.store.local;

import io.godwit.GodwitException;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.StoreListener;
import io.godwit.store.StoreOperation;
import io.godwit.store.StoreStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a persistent store tells its {@link StoreListener}: each call with its record count, failures, its migrations. */
class StoreListenerTest {
    @TempDir
    Path temp;

    static final class Recording implements StoreListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void operation(StoreOperation kind, String collection, long records, Duration took) {
            events.add(kind.label() + " " + collection + " " + records);
        }

        @Override
        public void operationFailed(StoreOperation kind, String collection, Duration took, RuntimeException error) {
            events.add(kind.label() + " " + collection + " failed " + ((StoreException) error).kind());
        }

        @Override
        public void migrationApplied(String subsystem, int version, String filename, Duration took) {
            events.add("migration " + subsystem);
        }

        @Override
        public void runFinished(String database, int applied, Duration took, GodwitException failure) {
            events.add("migrated " + (applied > 0));
        }
    }

    @Test
    void everyCollectionCallIsReportedWithItsRecords() {
        Recording recording = new Recording();
        try (GodwitClient client = GodwitClient.persistent(temp, Settings.defaults().withListener(recording))) {
            assertThat(recording.events).contains("migration sysdb", "migration metadb", "migrated true");
            recording.events.clear();
            StoreCollection books = client.createCollection("books");
            books.add(RecordBatch.of("a", "b", "c").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1},
                    new float[] {1, 1})));
            books.upsert(RecordBatch.of("c", "d").embeddings(List.of(new float[] {1, 2}, new float[] {2, 1})));
            books.update(RecordBatch.of("a").documents(List.of("the fox")));
            assertThat(books.get(GetRequest.ids("a", "b")).ids()).hasSize(2);
            books.query(QueryRequest.embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})).nResults(3));
            assertThat(books.count()).isEqualTo(4);
            assertThat(books.delete(DeleteRequest.ids("a", "b"))).isEqualTo(2);
            assertThatThrownBy(() -> books.add(RecordBatch.of("e").embeddings(List.<float[]>of(new float[] {1, 2, 3}))))
                    .isInstanceOf(StoreException.class);

            assertThat(recording.events).containsExactly("add books 3", "upsert books 2", "update books 1", "get books 2",
                    "query books 6", "count books 4", "delete books 2", "add books failed INVALID_ARGUMENT");

            StoreStats stats = client.stats(true);
            assertThat(stats.collections()).isEqualTo(1);
            assertThat(stats.logEntries()).isPositive();
            assertThat(stats.logEntriesByCollection()).isEqualTo(Map.of("books", stats.logEntries()));
            assertThat(client.stats(false).logEntriesByCollection()).isEmpty();
        }
    }
}
