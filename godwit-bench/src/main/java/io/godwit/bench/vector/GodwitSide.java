package io.godwit.bench.vector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.Space;
import io.godwit.store.vector.Candidates;
import io.godwit.store.vector.Hit;
import io.godwit.store.vector.HnswSegment;
import io.godwit.store.vector.IndexParams;
import io.godwit.store.vector.LogEntry;
import io.godwit.store.vector.SegmentOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Godwit side of one workload, in its own JVM (so that its resident memory is its own): the
 * vector segment in process, persisted in a folder, fed from a log in batches of 1,000. Usage:
 * {@code GodwitSide DIR SPACE DIM K EF_ALT}; reads DIR/data.f32 and DIR/queries.f32, writes
 * DIR/godwit.json.
 */
public final class GodwitSide {
    /** Queries before each timed phase, so that the JIT has compiled the search (a running server is warm). */
    static final int WARM_UP = 200;
    private static final int BATCH = 1_000;

    private GodwitSide() {
    }

    public static void main(String[] args) throws Exception {
        SideArgs a = SideArgs.parse(args);
        Path dir = a.dir();
        Space space = a.space();
        int dim = a.dim();
        int k = a.k();
        int efAlt = a.efAlt();
        float[][] data = a.data();
        float[][] queries = a.queries();
        CollectionConfiguration config = CollectionConfiguration.defaults().withSpace(space);
        IndexParams params = IndexParams.of(config, dim);
        SegmentOptions options = SegmentOptions.of(config);
        Path segDir = dir.resolve("godwit-segment");
        UUID epoch = UUID.randomUUID();
        Map<String, Object> out = new LinkedHashMap<>();
        BenchLog log = new BenchLog();

        HnswSegment seg = HnswSegment.open(params, epoch, segDir, log, options);
        long t0 = System.nanoTime();
        for (int i = 0; i < data.length; i += BATCH) {
            List<LogEntry> batch = new ArrayList<>();
            for (int j = i; j < Math.min(data.length, i + BATCH); j++) {
                batch.add(new LogEntry(j + 1, j, data[j]));
            }
            log.append(batch);
            seg.catchUp();
        }
        out.put("appendSeconds", (System.nanoTime() - t0) / 1e9);
        seg.awaitIndexed(3_600_000);
        out.put("indexSeconds", (System.nanoTime() - t0) / 1e9);

        Map<String, Answers> phases = new LinkedHashMap<>();
        phases.put("default", run(seg, queries, k, null, params.efSearch()));
        phases.put("ef", run(seg, queries, k, null, efAlt));
        Candidates ten = Dataset.candidates(data.length, Dataset.TEN_PERCENT);
        Candidates one = Dataset.candidates(data.length, Dataset.ONE_PERCENT);
        phases.put("filter10", run(seg, queries, k, ten, params.efSearch()));
        phases.put("filter1", run(seg, queries, k, one, params.efSearch()));
        out.put("phases", phases);
        out.put("rssMb", Memory.rssMb());
        out.put("heapMb", Memory.heapUsedMb());
        seg.close();
        Path file = segDir.resolve("index.gwvx");
        out.put("fileBytes", Files.size(file));

        // The exact-scan threshold: both paths on the same segment, for filters admitting 1, 2, 4, 8
        // and 10 % of the records (1,000 to 10,000 candidates of 100,000).
        Map<String, Double> paths = new LinkedHashMap<>();
        int[] percents = {1, 2, 4, 8, 10};
        for (int exactBelow : new int[] {0, Integer.MAX_VALUE}) {
            try (HnswSegment s = HnswSegment.open(params, epoch, segDir, log, options.withExactBelow(exactBelow))) {
                String how = exactBelow == 0 ? "graph" : "exact";
                for (int pct : percents) {
                    Candidates c = Dataset.candidates(data.length, id -> id % 100 < pct);
                    paths.put(how + "@" + c.size(), run(s, queries, k, c, params.efSearch()).p50());
                }
            }
        }
        out.put("filterPaths", paths);

        long t1 = System.nanoTime();
        try (HnswSegment s = HnswSegment.open(params, epoch, segDir, log, options)) {
            s.search(queries[0], k, null);
            out.put("openFirstQueryMs", (System.nanoTime() - t1) / 1e6);
            out.put("openOrigin", s.origin());
        }
        Files.delete(file);
        long t2 = System.nanoTime();
        try (HnswSegment s = HnswSegment.open(params, epoch, segDir, log, options)) {
            s.search(queries[0], k, null);
            out.put("rebuildFirstQueryMs", (System.nanoTime() - t2) / 1e6);
            s.awaitIndexed(3_600_000);
            out.put("rebuildSeconds", (System.nanoTime() - t2) / 1e9);
        }
        new ObjectMapper().writeValue(dir.resolve("godwit.json").toFile(), out);
    }

    static Answers run(HnswSegment seg, float[][] queries, int k, Candidates c, int ef) {
        for (int i = 0; i < Math.min(WARM_UP, queries.length); i++) {
            seg.search(queries[i], k, c, ef); // warm-up
        }
        Answers a = new Answers();
        for (float[] q : queries) {
            long t = System.nanoTime();
            List<Hit> hits = seg.search(q, k, c, ef);
            double ms = (System.nanoTime() - t) / 1e6;
            long[] ids = hits.stream().mapToLong(Hit::id).toArray();
            float[] d = new float[hits.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = hits.get(i).distance();
            }
            a.add(ids, d, ms);
        }
        return a;
    }
}
