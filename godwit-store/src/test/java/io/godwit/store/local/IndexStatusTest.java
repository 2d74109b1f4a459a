package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** indexStatus names each collection whose segment is open, with the log's end and the index's position. */
class IndexStatusTest {

    @Test
    void oneStatusPerOpenSegmentWithTheLogsEnd() throws Exception {
        try (GodwitClient client = GodwitClient.ephemeral()) {
            StoreCollection books = client.createCollection("books");
            books.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})));
            assertThat(client.indexStatus()).isEmpty();
            books.query(QueryRequest.embedding(new float[] {1, 0}).nResults(1));
            List<IndexStatus> status = client.indexStatus();
            assertThat(status).hasSize(1);
            IndexStatus s = status.get(0);
            assertThat(s.collection()).isEqualTo("books");
            assertThat(s.collectionId()).isEqualTo(books.id());
            assertThat(s.logSeqId()).isEqualTo(2);
            assertThat(s.indexedSeqId()).isBetween(0L, 2L);
            assertThat(s.lag()).isEqualTo(s.logSeqId() - s.indexedSeqId());
            client.deleteCollection("books");
            assertThat(client.indexStatus()).isEmpty();
        }
    }
}
