package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes handed to the segment as they commit: taken in log order, gaps left to the log, writers paced by the tail's bound. */
class HandOffTest {
    private static final int DIM = 16;
    private static final IndexParams L2 = new IndexParams(Space.L2, DIM, 16, 100, 100);
    private static final SegmentOptions OPTIONS = new SegmentOptions(100, 1000, 0.25, Duration.ofSeconds(30),
            SegmentOptions.DEFAULT_EXACT_BELOW);
    private final UUID epoch = UUID.randomUUID();

    /** Appends {@code n} records from {@code first} to the log as one write; returns it as handed over. */
    private static HandedWrites.Write write(MemoryLog log, float[][] v, int first, int n) {
        long after = log.lastSeqId();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            entries.add(new LogEntry(log.put(i, v[i]), i, v[i].clone()));
        }
        return new HandedWrites.Write(after, log.lastSeqId(), entries);
    }

    private static void offer(HnswSegment s, HandedWrites.Write w) {
        s.offer(w.after(), w.last(), w.entries());
    }

    @Test
    void handedWritesAreIndexedInLogOrderWithoutAnyQuery() throws Exception {
        MemoryLog log = new MemoryLog();
        float[][] v = Vectors.clustered(3, 1_200, DIM, 10);
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS)) {
            for (int first = 0; first < v.length; first += 200) {
                HandedWrites.Write one = write(log, v, first, 100);
                HandedWrites.Write two = write(log, v, first + 100, 100);
                offer(s, two); // out of order: waits for the one before it
                offer(s, one);
            }
            assertThat(s.awaitIndexed(120_000)).isTrue();
            assertThat(s.graphSeqId()).isEqualTo(log.lastSeqId());
            assertThat(s.pendingCount()).isZero();
            for (int i = 0; i < v.length; i += 37) {
                assertThat(s.search(v[i], 1, null).get(0)).isEqualTo(new Hit(i, 0f));
            }
        }
    }

    @Test
    void aWriteAfterOneNotHandedOverIsLeftToTheLogAndFoundByTheNextQuery() throws Exception {
        MemoryLog log = new MemoryLog();
        float[][] v = Vectors.clustered(4, 400, DIM, 10);
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS)) {
            write(log, v, 0, 100);             // another process's write: never handed over
            offer(s, write(log, v, 100, 100)); // does not continue the segment's position
            assertThat(s.pendingCount()).isZero();
            assertThat(s.graphSeqId()).isZero();
            assertThat(s.search(v[5], 1, null).get(0)).isEqualTo(new Hit(5, 0f));
            assertThat(s.search(v[150], 1, null).get(0)).isEqualTo(new Hit(150, 0f));
            offer(s, write(log, v, 200, 100)); // continues where the query's catch-up left the segment
            assertThat(s.awaitIndexed(120_000)).isTrue();
            assertThat(s.graphSeqId()).isEqualTo(log.lastSeqId());
            assertThat(s.liveIds()).hasSize(300);
        }
    }

    @Test
    void aWriterWaitsWhileTheTailIsOverItsBound() throws Exception {
        MemoryLog log = new MemoryLog();
        float[][] v = Vectors.clustered(5, 1_500, DIM, 10);
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS.withMaxPending(300, Duration.ofMinutes(2)))) {
            for (int first = 0; first < v.length; first += 100) {
                offer(s, write(log, v, first, 100));
                s.awaitRoom();
                assertThat(s.pendingCount()).as("records waiting to be indexed after the writer's wait").isLessThanOrEqualTo(300);
            }
            assertThat(s.awaitIndexed(120_000)).isTrue();
            assertThat(s.liveIds()).hasSize(v.length);
        }
    }

    /**
     * A bound large enough for bulks (4,000: bulks of at most 2,000, writers wait while more than
     * 2,000 records wait for the indexer to begin them): after each writer's wait, at most that many
     * wait, and the tail queries scan holds at most the bound (the waiting ones and one bulk).
     */
    @Test
    void aWriterWaitsWhileTooManyRecordsWaitForTheIndexerToBeginThem() throws Exception {
        MemoryLog log = new MemoryLog();
        float[][] v = Vectors.clustered(6, 12_000, DIM, 10);
        SegmentOptions options = OPTIONS.withMaxPending(4_000, Duration.ofMinutes(2));
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, options)) {
            for (int first = 0; first < v.length; first += 500) {
                offer(s, write(log, v, first, 500));
                s.awaitRoom();
                assertThat(s.waiting()).as("records waiting for the indexer after the writer's wait").isLessThanOrEqualTo(2_000);
                assertThat(s.pendingCount()).as("records queries scan after the writer's wait").isLessThanOrEqualTo(4_000);
            }
            assertThat(s.awaitIndexed(120_000)).isTrue();
            assertThat(s.liveIds()).hasSize(v.length);
            for (int i = 0; i < v.length; i += 997) {
                assertThat(s.search(v[i], 1, null).get(0)).isEqualTo(new Hit(i, 0f));
            }
        }
    }
}
