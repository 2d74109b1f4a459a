package io.godwit.bench.server;

import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The server benchmark of the server issue: 16 clients for 60 s on one collection (8 adding batches of
 * 100 records of 384 dimensions, 8 querying k = 10), against {@code godwit run} and against the Chroma
 * peer in the same run, then the same load on Godwit with the server SIGKILLed mid-way and restarted:
 * every acknowledged write must be there afterwards and no query answer may be malformed.
 *
 * <pre>java -cp CLASSPATH io.godwit.bench.server.ServerLoad REPO [SECONDS]</pre>
 * (bench/server.sh builds and runs it). Ports 18450-18452.
 */
public final class ServerLoad {
    private static final int WRITERS = 8;
    private static final int READERS = 8;
    private static final int SEED_BATCHES = 20;

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path work = Files.createTempDirectory("godwit-server-load");
        System.out.printf("Server load: %d writers (batches of %d, %d-d), %d readers (k=%d), %d s; work in %s%n",
                WRITERS, LoadRun.BATCH, LoadRun.DIMENSIONS, READERS, LoadRun.K, seconds, work);

        LoadRun peer;
        long peerRss;
        try (ServerProcess server = ServerProcess.peer(repo, work.resolve("peer"), 18451, work.resolve("peer.log"))) {
            try (RssPeak rss = RssPeak.of(server)) {
                peer = load(server.client(), "peer", seconds);
                peerRss = rss.megabytes();
            }
        }
        LoadRun godwit;
        long godwitRss;
        try (ServerProcess server = ServerProcess.godwit(repo, work.resolve("godwit"), 18450, work.resolve("godwit.log"))) {
            try (RssPeak rss = RssPeak.of(server)) {
                godwit = load(server.client(), "godwit", seconds);
                godwitRss = rss.megabytes();
            }
        }
        report("Chroma peer", peer, seconds, peerRss);
        report("godwit run", godwit, seconds, godwitRss);
        System.out.printf(Locale.ROOT, "Ratios godwit/peer: adds %.2fx, queries %.2fx, add p99 %.2fx, query p99 %.2fx%n",
                rate(godwit.adds, seconds) / rate(peer.adds, seconds), rate(godwit.queries, seconds) / rate(peer.queries, seconds),
                godwit.adds.quantileMillis(0.99) / peer.adds.quantileMillis(0.99),
                godwit.queries.quantileMillis(0.99) / peer.queries.quantileMillis(0.99));
        crash(repo, work, seconds);
    }

    private static LoadRun load(StoreClient client, String name, int seconds) throws InterruptedException {
        StoreCollection c = client.getOrCreateCollection("load");
        LoadRun run = new LoadRun(name);
        run.seed(c, SEED_BATCHES);
        run.run(client, "load", WRITERS, READERS, seconds);
        System.out.printf("%s: lost %d of %d acknowledged%n", name, run.lost(c), run.acknowledged.size());
        return run;
    }

    /** Godwit under the same load, SIGKILLed a third of the way in and restarted on the same port and store. */
    private static void crash(Path repo, Path work, int seconds) throws Exception {
        Path data = work.resolve("crash");
        Path log = work.resolve("crash.log");
        ServerProcess first = ServerProcess.godwit(repo, data, 18452, log);
        StoreClient client = first.client();
        StoreCollection c = client.getOrCreateCollection("load");
        LoadRun run = new LoadRun("crash");
        run.seed(c, SEED_BATCHES);
        java.util.concurrent.atomic.AtomicReference<ServerProcess> second = new java.util.concurrent.atomic.AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L / 3);
                first.kill();
                System.out.println("SIGKILLed godwit run (pid " + first.pid() + "); restarting");
                second.set(ServerProcess.godwit(repo, data, 18452, log));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        run.run(client, "load", WRITERS, READERS, seconds);
        killer.join();
        long lost = run.lost(client.getCollection("load").orElseThrow());
        System.out.printf(Locale.ROOT, "Crash trial: %d adds acknowledged (%d records), %d refused while down, lost %d,"
                        + " wrong query answers %d, queries %d (%d refused)%n", run.adds.count(), run.acknowledged.size(),
                run.adds.errors.get(), lost, run.wrongAnswers.get(), run.queries.count(), run.queries.errors.get());
        if (second.get() != null) {
            second.get().close();
        }
    }

    private static double rate(LoadStats s, int seconds) {
        return s.count() / (double) seconds;
    }

    private static void report(String name, LoadRun r, int seconds, long rss) {
        System.out.printf(Locale.ROOT, "| %s | %.1f batches/s (%.0f records/s) | p50 %.1f ms, p99 %.1f ms | %.1f queries/s |"
                        + " p50 %.1f ms, p99 %.1f ms | errors %d/%d | wrong %d | peak RSS %d MB |%n", name,
                rate(r.adds, seconds), r.adds.records.get() / (double) seconds, r.adds.quantileMillis(0.5),
                r.adds.quantileMillis(0.99), rate(r.queries, seconds), r.queries.quantileMillis(0.5),
                r.queries.quantileMillis(0.99), r.adds.errors.get(), r.queries.errors.get(), r.wrongAnswers.get(), rss);
    }
}
