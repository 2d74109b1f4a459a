package io.godwit.bench.vector;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.Space;
import io.godwit.store.vector.HnswSegment;
import io.godwit.store.vector.IndexParams;
import io.godwit.store.vector.LogEntry;
import io.godwit.store.vector.SegmentOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The indexer's throughput while queries run (the server benchmark's shape, without HTTP): one
 * in-memory segment seeded with SEED records, QUERIERS threads querying k = 10 back to back, and one
 * writer handing batches of 100 records to the segment as a write of the store does ({@code offer},
 * then {@code awaitRoom}, so it is paced by the indexer), for SECONDS. Prints the records moved into
 * the graph per second and the queries' rate, p50 and p99. Usage:
 * {@code IndexUnderLoad SEED QUERIERS SECONDS [DIM]}.
 */
public final class IndexUnderLoad {
    private static final int BATCH = 100;

    private IndexUnderLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seed = Integer.parseInt(args[0]);
        int queriers = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int dim = args.length > 3 ? Integer.parseInt(args[3]) : 384;
        int total = seed + 100_000;
        float[][] data = new SeededVectors(7, dim, 100, false).next(total);
        CollectionConfiguration config = CollectionConfiguration.defaults().withSpace(Space.L2);
        BenchLog log = new BenchLog();
        List<LogEntry> first = new ArrayList<>();
        for (int j = 0; j < seed; j++) {
            first.add(new LogEntry(j + 1, j, data[j]));
        }
        log.append(first);
        try (HnswSegment seg = HnswSegment.open(IndexParams.of(config, dim), UUID.randomUUID(), null, log,
                SegmentOptions.of(config))) {
            seg.awaitIndexed(3_600_000);
            AtomicBoolean stop = new AtomicBoolean();
            List<double[]> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < queriers; t++) {
                double[] ms = new double[1_000_000];
                latencies.add(ms);
                int offset = t;
                threads.add(new Thread(() -> {
                    int i = 0;
                    while (!stop.get() && i < ms.length) {
                        long t0 = System.nanoTime();
                        seg.search(data[(i * 31 + offset * 7919) % seed], 10, null);
                        ms[i++] = (System.nanoTime() - t0) / 1e6;
                    }
                    ms[ms.length - 1] = i; // the count, in the last slot
                }));
            }
            threads.forEach(Thread::start);
            long startGraph = seg.graphSeqId();
            long t0 = System.nanoTime();
            long end = t0 + seconds * 1_000_000_000L;
            int next = seed;
            while (System.nanoTime() < end && next + BATCH <= total) {
                List<LogEntry> batch = new ArrayList<>();
                for (int j = next; j < next + BATCH; j++) {
                    batch.add(new LogEntry(j + 1, j, data[j]));
                }
                log.append(batch);
                seg.offer(next, next + BATCH, batch);
                seg.awaitRoom();
                next += BATCH;
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long indexed = seg.graphSeqId() - startGraph;
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            List<Double> all = new ArrayList<>();
            for (double[] ms : latencies) {
                int n = (int) ms[ms.length - 1];
                for (int i = 0; i < n; i++) {
                    all.add(ms[i]);
                }
            }
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            System.out.printf("seed %,d, %d queriers, %.1f s: added %,d, indexed %,d (%.0f records/s into the graph),"
                    + " pending at the end %,d; queries %.0f/s, p50 %.2f ms, p99 %.2f ms%n", seed, queriers, elapsed,
                    next - seed, indexed, indexed / elapsed, seg.pendingCount(), sorted.length / elapsed,
                    sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]);
        }
    }
}
