package io.godwit.bench.server;

import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.StoreCollection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server benchmark's load on a persistent client in this JVM, without HTTP: where the query path's
 * time goes apart from the server (run it under a profiler, e.g. JFR). Prints, every 5 s, the index
 * lag (log entries not yet in the graph, so scanned exactly by every query), then the figures.
 *
 * <pre>java -cp CLASSPATH io.godwit.bench.server.InProcessLoad [SECONDS] [ADD_RATE]</pre>
 * ADD_RATE: records per second for all writers together (0, the default: as fast as they can).
 */
public final class InProcessLoad {
    private InProcessLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        Path dir = Files.createTempDirectory("godwit-inprocess-load");
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.getOrCreateCollection("load");
            LoadRun run = new LoadRun("inprocess", rate);
            run.seed(c, 20);
            // The indexer's lag every 5 s while the load runs (a daemon timer: it ends with the run).
            ScheduledExecutorService lag = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lag");
                t.setDaemon(true);
                return t;
            });
            lag.scheduleAtFixedRate(() -> {
                for (IndexStatus s : client.indexStatus()) {
                    System.out.printf("  lag %d (indexed %d of %d)%n", s.lag(), s.indexedSeqId(), s.logSeqId());
                }
            }, 5, 5, TimeUnit.SECONDS);
            run.run(client, "load", 8, 8, seconds);
            lag.shutdownNow();
            System.out.printf(Locale.ROOT, "in process: %.0f records/s, add p50 %.1f ms p99 %.1f ms; %.1f queries/s,"
                            + " query p50 %.1f ms p99 %.1f ms; errors %d/%d, wrong %d, lost %d of %d%n",
                    run.adds.records.get() / (double) seconds, run.adds.quantileMillis(0.5), run.adds.quantileMillis(0.99),
                    run.queries.count() / (double) seconds, run.queries.quantileMillis(0.5),
                    run.queries.quantileMillis(0.99), run.adds.errors.get(), run.queries.errors.get(),
                    run.wrongAnswers.get(), run.lost(c), run.acknowledged.size());
        }
    }
}
