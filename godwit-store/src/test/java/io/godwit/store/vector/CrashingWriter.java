package io.godwit.store.vector;

import io.godwit.store.Space;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The writer the crash test kills: appends batches of 20 vectors to the SQLite log, lets its segment
 * index them and rewrite its file after every 40 (so that a kill often lands mid-flush), and
 * prints {@code ack N} once records 0..N-1 are committed. Usage: {@code CrashingWriter LOG DIR EPOCH}.
 */
public final class CrashingWriter {
    static final int DIM = 32;

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        SegmentOptions eager = new SegmentOptions(20, 40, 0, Duration.ofMillis(50), SegmentOptions.DEFAULT_EXACT_BELOW);
        try (SqliteLog log = new SqliteLog(Path.of(args[0]));
             HnswSegment s = HnswSegment.open(new IndexParams(Space.L2, DIM, 16, 100, 100), UUID.fromString(args[2]),
                     Path.of(args[1]), log, eager)) {
            long next = log.lastSeqId();
            while (true) {
                float[][] batch = new float[20][];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = vector(next + i);
                }
                log.append(next, batch);
                next += batch.length;
                System.out.println("ack " + next);
                System.out.flush();
                s.catchUp();
            }
        }
    }

    /** Record {@code id}'s vector, the same in every process. */
    static float[] vector(long id) {
        java.util.Random r = new java.util.Random(id);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
