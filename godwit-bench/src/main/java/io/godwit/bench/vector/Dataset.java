package io.godwit.bench.vector;

import io.godwit.store.Space;
import io.godwit.store.vector.Candidates;
import io.godwit.store.vector.Distances;
import io.godwit.store.vector.ExactScan;
import io.godwit.store.vector.Hit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * One workload's data: seeded clustered vectors (unit length for cosine and ip, as embedding models
 * give them), held-out queries from the same clusters, record i in bucket {@code i % 100}, and the
 * exact top-k of each query overall and within the 10 % and 1 % filters (the ground truth).
 */
final class Dataset {
    static final LongPredicate TEN_PERCENT = id -> id % 100 < 10;
    static final LongPredicate ONE_PERCENT = id -> id % 100 == 0;

    final Space space;
    final int n;
    final int dim;
    final int k;
    float[][] data;
    final float[][] queries;
    long[][] truth;
    long[][] truth10;
    long[][] truth1;

    Dataset(Space space, int n, int dim, int nq, int k) {
        this.space = space;
        this.n = n;
        this.dim = dim;
        this.k = k;
        SeededVectors gen = new SeededVectors(20_261_201L + dim, dim, 100, space != Space.L2);
        this.data = gen.next(n);
        this.queries = gen.next(nq);
    }

    static Candidates candidates(int n, LongPredicate filter) {
        return Candidates.of(LongStream.range(0, n).filter(filter).toArray());
    }

    /** Computes the exact answers, a query per task. */
    void computeTruth() {
        int nq = queries.length;
        truth = new long[nq][];
        truth10 = new long[nq][];
        truth1 = new long[nq][];
        IntStream.range(0, nq).parallel().forEach(q -> {
            ExactScan all = new ExactScan(space, queries[q], k);
            ExactScan ten = new ExactScan(space, queries[q], k);
            ExactScan one = new ExactScan(space, queries[q], k);
            float[] qp = Distances.prepare(space, queries[q]);
            for (int i = 0; i < n; i++) {
                // data of cosine workloads is unit length already (SeededVectors normalises it)
                float d = Distances.distance(space, qp, space == Space.COSINE ? data[i] : Distances.prepare(space, data[i]));
                all.offerDistance(i, d);
                if (TEN_PERCENT.test(i)) {
                    ten.offerDistance(i, d);
                }
                if (ONE_PERCENT.test(i)) {
                    one.offerDistance(i, d);
                }
            }
            truth[q] = ids(all.result());
            truth10[q] = ids(ten.result());
            truth1[q] = ids(one.result());
        });
    }

    private static long[] ids(List<Hit> hits) {
        return hits.stream().mapToLong(Hit::id).toArray();
    }

    /** Lets go of the records (the truth and the queries stay): the Godwit side and the peer read the files. */
    void release() {
        data = null;
    }

    /** Writes data.f32 and queries.f32 (little-endian float32, as the peer script reads them). */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeRows(dir.resolve("data.f32"), data);
        writeRows(dir.resolve("queries.f32"), queries);
    }

    private static void writeRows(Path file, float[][] rows) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (float[] r : rows) {
                buf.clear();
                buf.asFloatBuffer().put(r);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** Row after row, one row's bytes in memory at a time (a million rows are 1.5 GB). */
    static float[][] readRows(Path file, int dim) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            float[][] rows = new float[(int) (ch.size() / (4L * dim))][];
            for (int i = 0; i < rows.length; i++) {
                buf.clear();
                while (buf.hasRemaining()) {
                    ch.read(buf);
                }
                buf.flip();
                rows[i] = new float[dim];
                buf.asFloatBuffer().get(rows[i]);
            }
            return rows;
        }
    }
}
