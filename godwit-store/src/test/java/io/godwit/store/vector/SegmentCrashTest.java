package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import io.godwit.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM killed with SIGKILL at random instants while it indexes and rewrites its file every 40 records:
 * each reopen holds every acknowledged record with its vector, opened from the file (a kill never
 * leaves it damaged: it is replaced by rename) or, before the first flush, rebuilt.
 */
class SegmentCrashTest {
    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidFlushLeavesAnIndexThatAnswersEveryAcknowledgedRecord() throws Exception {
        Path logFile = dir.resolve("log.sqlite3");
        Path segDir = dir.resolve("segment");
        UUID epoch = UUID.randomUUID();
        Random random = new Random(7);
        long acknowledged = 0;
        for (int trial = 0; trial < 6; trial++) {
            Process p = JavaProcess.start(CrashingWriter.class, List.of(logFile.toString(), segDir.toString(),
                    epoch.toString()));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            long target = acknowledged + 100 + random.nextInt(400);
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                    if (acknowledged >= target) {
                        break;
                    }
                }
            }
            assertThat(line).as("the writer died before it was killed").isNotNull();
            p.destroyForcibly().waitFor(); // SIGKILL
            try (SqliteLog log = new SqliteLog(logFile);
                 HnswSegment s = HnswSegment.open(new IndexParams(Space.L2, CrashingWriter.DIM, 16, 100, 100), epoch,
                         segDir, log, SegmentOptions.of(io.godwit.store.CollectionConfiguration.defaults()))) {
                assertThat(s.origin()).as("trial " + trial).isIn("file", "rebuilt: vector index " + segDir.resolve(
                        SegmentFiles.INDEX) + ": missing");
                long[] live = s.liveIds();
                assertThat(live.length).as("trial " + trial).isGreaterThanOrEqualTo((int) acknowledged);
                for (long id = 0; id < acknowledged; id++) {
                    // held, with its own vector (a query restricted to it: the exact path)
                    List<Hit> own = s.search(CrashingWriter.vector(id), 1, Candidates.of(id));
                    assertThat(own).as("record " + id + " after trial " + trial).containsExactly(new Hit(id, 0f));
                    assertThat(java.util.Arrays.binarySearch(live, id)).isGreaterThanOrEqualTo(0);
                }
                // and the graph answers: recall of records' own vectors (approximate, so a floor)
                long found = java.util.stream.LongStream.range(0, acknowledged)
                        .filter(id -> s.search(CrashingWriter.vector(id), 1, null).get(0).id() == id).count();
                assertThat((double) found / acknowledged).isGreaterThanOrEqualTo(0.98);
            }
        }
    }
}
