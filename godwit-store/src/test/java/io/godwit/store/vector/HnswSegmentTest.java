package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment over a log: read-your-writes, persistence, and every way an index file is not to be trusted. */
class HnswSegmentTest {
    private static final int DIM = 16;
    private static final IndexParams L2 = new IndexParams(Space.L2, DIM, 16, 100, 100);
    private static final SegmentOptions OPTIONS = new SegmentOptions(100, 1000, 0.25, java.time.Duration.ofSeconds(30),
            SegmentOptions.DEFAULT_EXACT_BELOW);
    private final UUID epoch = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAddUpdateAndDeleteIsSeenByTheNextQuery() {
        MemoryLog log = new MemoryLog();
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS)) {
            float[][] v = Vectors.clustered(1, 2_000, DIM, 10);
            for (int i = 0; i < v.length; i++) {
                log.put(i, v[i]);
                if (i % 250 == 0) {
                    assertThat(s.search(v[i], 1, null).get(0)).isEqualTo(new Hit(i, 0f));
                }
            }
            float[] moved = new float[DIM];
            java.util.Arrays.fill(moved, 50f);
            log.put(7, moved);
            assertThat(s.search(moved, 1, null).get(0)).isEqualTo(new Hit(7, 0f));
            assertThat(s.search(v[7], 2_000, null)).filteredOn(h -> h.id() == 7).singleElement()
                    .extracting(Hit::distance).isNotEqualTo(0f);
            log.delete(8);
            assertThat(s.search(v[8], 2_000, null)).extracting(Hit::id).doesNotContain(8L).hasSize(1_999);
            assertThat(s.liveIds()).hasSize(1_999).doesNotContain(8L);
        }
    }

    @Test
    void filteredQueriesReturnOnlyCandidatesByScanOrByGraph() throws Exception {
        MemoryLog log = new MemoryLog();
        Map<Long, float[]> records = fill(log, 3_000, 2);
        Candidates few = Candidates.of(java.util.stream.LongStream.range(0, 3_000).filter(id -> id % 100 == 3).toArray());
        Candidates many = Candidates.of(java.util.stream.LongStream.range(0, 3_000).filter(id -> id % 3 == 0).toArray());
        for (int exactBelow : new int[] {0, 10_000}) {
            try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS.withExactBelow(exactBelow))) {
                s.awaitIndexed(60_000);
                for (Candidates c : List.of(few, many)) {
                    for (float[] q : Vectors.clustered(5, 10, DIM, 10)) {
                        List<Hit> got = s.search(q, 10, c);
                        assertThat(got).hasSize(10).allMatch(h -> c.test(h.id()));
                        assertThat(Vectors.recall(Vectors.exact(Space.L2, records, q, 10, c), got)).isGreaterThanOrEqualTo(0.8);
                    }
                }
            }
        }
    }

    @Test
    void aClosedSegmentReopensFromItsFileAndCatchesUpWithTheLog() throws Exception {
        MemoryLog log = new MemoryLog();
        Map<Long, float[]> records = fill(log, 1_500, 3);
        float[] q = records.get(42L);
        List<Hit> before;
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            assertThat(s.writer()).isTrue();
            s.awaitIndexed(60_000);
            before = s.search(q, 10, null);
        }
        assertThat(Files.isRegularFile(dir.resolve(SegmentFiles.INDEX))).isTrue();
        log.put(5_000, q);
        log.delete(42);
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            assertThat(s.origin()).isEqualTo("file");
            List<Hit> after = s.search(q, 10, null);
            assertThat(after.get(0)).isEqualTo(new Hit(5_000, 0f));
            assertThat(after.subList(1, 10)).isEqualTo(before.subList(1, 10));
        }
    }

    @Test
    void aMissingTruncatedOrFlippedFileIsRebuiltWithTheSameAnswers() throws Exception {
        MemoryLog log = new MemoryLog();
        Map<Long, float[]> records = fill(log, 1_000, 4);
        List<Hit> want = written(log, records.get(3L));
        Path file = dir.resolve(SegmentFiles.INDEX);
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        byte[] version = good.clone();
        version[7] = 9;
        List<byte[]> damages = List.of(java.util.Arrays.copyOf(good, good.length - 3), java.util.Arrays.copyOf(good, 10),
                flipped, version, new byte[0]);
        for (byte[] damaged : damages) {
            Files.write(file, damaged);
            assertReopenedRebuilt(log, records.get(3L), want, "rebuilt: vector index");
        }
        Files.delete(file);
        assertReopenedRebuilt(log, records.get(3L), want, "missing");
    }

    @Test
    void anIndexOfAnotherEpochOrAheadOfTheLogOrOtherParametersIsRebuilt() throws Exception {
        MemoryLog log = new MemoryLog();
        Map<Long, float[]> records = fill(log, 800, 5);
        float[] q = records.get(9L);
        written(log, q);
        try (HnswSegment s = HnswSegment.open(L2, UUID.randomUUID(), dir, log, OPTIONS)) {
            assertThat(s.origin()).contains("another life of the store");
        }
        written(log, q);
        MemoryLog restored = new MemoryLog();
        records.entrySet().stream().limit(100).forEach(e -> restored.put(e.getKey(), e.getValue()));
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, restored, OPTIONS)) {
            assertThat(s.origin()).contains("but the log ends at 100");
            assertThat(s.search(q, 1_000, null)).hasSize(100);
        }
        written(log, q);
        IndexParams cosine = new IndexParams(Space.COSINE, DIM, 16, 100, 100);
        try (HnswSegment s = HnswSegment.open(cosine, epoch, dir, log, OPTIONS)) {
            assertThat(s.origin()).contains("was built with");
            assertThat(s.search(q, 1, null).get(0).distance()).isCloseTo(0f, org.assertj.core.api.Assertions.within(1e-5f));
        }
        written(log, q);
        log.put(10_000, q);
        log.purge(log.lastSeqId());
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            assertThat(s.origin()).contains("no longer holds");
        }
    }

    @Test
    void aSecondSegmentOnTheFolderKeepsItsIndexInMemoryAndSeesTheSameRecords() throws Exception {
        MemoryLog log = new MemoryLog();
        Map<Long, float[]> records = fill(log, 500, 6);
        try (HnswSegment first = HnswSegment.open(L2, epoch, dir, log, OPTIONS);
             HnswSegment second = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            assertThat(first.writer()).isTrue();
            assertThat(second.writer()).isFalse();
            log.put(900, records.get(1L));
            assertThat(second.search(records.get(1L), 2, null)).extracting(Hit::id).containsExactlyInAnyOrder(1L, 900L);
            assertThat(first.liveIds()).isEqualTo(second.liveIds());
        }
    }

    @Test
    void anIdleSegmentFlushesAfterTheIntervalWithoutWaitingForTheThreshold() throws Exception {
        MemoryLog log = new MemoryLog();
        fill(log, 50, 7);
        SegmentOptions soon = OPTIONS.withFlushInterval(java.time.Duration.ofMillis(200));
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, soon)) {
            s.awaitIndexed(60_000);
            log.put(77, new float[DIM]);
            s.catchUp();
            s.awaitIndexed(60_000);
            long end = System.currentTimeMillis() + 20_000;
            while (s.durableSeqId() < log.lastSeqId() && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertThat(s.durableSeqId()).isEqualTo(log.lastSeqId());
            assertThat(IndexFile.read(dir.resolve(SegmentFiles.INDEX)).header().seqId()).isEqualTo(log.lastSeqId());
        }
    }

    @Test
    void queriesFromManyThreadsWhileRecordsArriveAlwaysSeeEveryAcknowledgedOne() throws Exception {
        MemoryLog log = new MemoryLog();
        float[][] v = Vectors.clustered(12, 1_500, DIM, 10);
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS)) {
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
            List<Thread> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread r = new Thread(() -> {
                    while (written.get() < v.length) {
                        int acknowledged = written.get() - 1;
                        if (acknowledged >= 0) {
                            Hit top = s.search(v[acknowledged], 1, null).get(0);
                            if (top.distance() != 0f) {
                                failures.add("record " + acknowledged + " not found: " + top);
                            }
                        }
                    }
                });
                r.start();
                readers.add(r);
            }
            for (int i = 0; i < v.length; i++) {
                log.put(i, v[i]);
                written.incrementAndGet();
            }
            for (Thread r : readers) {
                r.join(120_000);
            }
            assertThat(failures).isEmpty();
            s.awaitIndexed(120_000);
            assertThat(s.liveIds()).hasSize(v.length);
        }
    }

    @Test
    void theCheckForVerifyFindsMissingAndExtraRecords() {
        MemoryLog log = new MemoryLog();
        fill(log, 300, 13);
        try (HnswSegment s = HnswSegment.open(L2, epoch, null, log, OPTIONS)) {
            log.delete(5);
            long[] truth = log.records().keySet().stream().mapToLong(Long::longValue).toArray();
            assertThat(s.check(log, truth).ok()).isTrue();
            long[] wrong = java.util.stream.LongStream.concat(java.util.Arrays.stream(truth).filter(id -> id != 9),
                    java.util.stream.LongStream.of(5, 1_000)).toArray();
            IndexCheck check = s.check(log, wrong);
            assertThat(check.ok()).isFalse();
            assertThat(check.missing()).containsExactly(5L, 1_000L);
            assertThat(check.extra()).containsExactly(9L);
        }
    }

    private List<Hit> written(MemoryLog log, float[] q) throws Exception {
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            s.awaitIndexed(60_000);
            return s.search(q, 10, null);
        }
    }

    private void assertReopenedRebuilt(MemoryLog log, float[] q, List<Hit> want, String why) throws Exception {
        try (HnswSegment s = HnswSegment.open(L2, epoch, dir, log, OPTIONS)) {
            assertThat(s.origin()).startsWith("rebuilt").contains(why);
            assertThat(s.search(q, 10, null)).isEqualTo(want);
            s.awaitIndexed(60_000);
            assertThat(s.search(q, 10, null)).isEqualTo(want);
        }
        assertThat(IndexFile.read(dir.resolve(SegmentFiles.INDEX)).header().seqId()).isEqualTo(log.lastSeqId());
    }

    private static Map<Long, float[]> fill(MemoryLog log, int n, long seed) {
        float[][] v = Vectors.clustered(seed, n, DIM, 10);
        for (int i = 0; i < n; i++) {
            log.put(i, v[i]);
        }
        return log.records();
    }
}
