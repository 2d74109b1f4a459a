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
 * <p>Each side adds as fast as it can (free-running), so the two end up holding different numbers of
 * records; then both run again with adds paced at one rate (the peer's free-running rate unless
 * {@code ADD_RATE} records/s is given, see {@link Pacer}), so that both answer queries over the same
 * number of records. {@code ADD_RATE} 0 skips the paced runs.
 *
 * <pre>java -cp CLASSPATH io.godwit.bench.server.ServerLoad REPO [SECONDS] [ADD_RATE]</pre>
 * (bench/server.sh builds and runs it). Ports: {@code -Dbench.port=P} and the two above it (default 18450).
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
        Double addRate = args.length > 2 ? Double.valueOf(args[2]) : null;
        int port = Integer.getInteger("bench.port", 18450);
        Path work = Files.createTempDirectory("godwit-server-load");
        System.out.printf("Server load: %d writers (batches of %d, %d-d), %d readers (k=%d), %d s; work in %s%n",
                WRITERS, LoadRun.BATCH, LoadRun.DIMENSIONS, READERS, LoadRun.K, seconds, work);
        Side peer = side(repo, work, "peer", port + 1, seconds, 0);
        Side godwit = side(repo, work, "godwit", port, seconds, 0);
        compare("free-running adds", peer, godwit, seconds);
        double paced = addRate != null ? addRate : peer.run.adds.records.get() / (double) seconds;
        if (paced > 0) {
            System.out.printf(Locale.ROOT, "Paced: both sides add %.0f records/s%n", paced);
            compare(String.format(Locale.ROOT, "adds paced at %.0f records/s", paced),
                    side(repo, work, "peer-paced", port + 1, seconds, paced),
                    side(repo, work, "godwit-paced", port, seconds, paced), seconds);
        }
        crash(repo, work, seconds, port + 2);
    }

    /** One side's run and its peak resident set. */
    private record Side(LoadRun run, long rss) {
    }

    private static Side side(Path repo, Path work, String name, int port, int seconds, double addRate) throws Exception {
        Path data = work.resolve(name);
        Path log = work.resolve(name + ".log");
        try (ServerProcess server = name.startsWith("peer") ? ServerProcess.peer(repo, data, port, log)
                : ServerProcess.godwit(repo, data, port, log); RssPeak rss = RssPeak.of(server)) {
            LoadRun run = load(server.client(), name, seconds, addRate);
            return new Side(run, rss.megabytes());
        }
    }

    private static void compare(String title, Side peer, Side godwit, int seconds) {
        System.out.println("== " + title);
        report("Chroma peer", peer.run, seconds, peer.rss);
        report("godwit run", godwit.run, seconds, godwit.rss);
        System.out.printf(Locale.ROOT, "Ratios godwit/peer: adds %.2fx, queries %.2fx, add p99 %.2fx, query p50 %.2fx,"
                        + " query p99 %.2fx, peak RSS %.2fx%n",
                rate(godwit.run.adds, seconds) / rate(peer.run.adds, seconds),
                rate(godwit.run.queries, seconds) / rate(peer.run.queries, seconds),
                godwit.run.adds.quantileMillis(0.99) / peer.run.adds.quantileMillis(0.99),
                godwit.run.queries.quantileMillis(0.5) / peer.run.queries.quantileMillis(0.5),
                godwit.run.queries.quantileMillis(0.99) / peer.run.queries.quantileMillis(0.99),
                godwit.rss / (double) peer.rss);
    }

    private static LoadRun load(StoreClient client, String name, int seconds, double addRate) throws InterruptedException {
        StoreCollection c = client.getOrCreateCollection("load");
        LoadRun run = new LoadRun(name, addRate);
        run.seed(c, SEED_BATCHES);
        run.run(client, "load", WRITERS, READERS, seconds);
        run.lostWrites = run.lost(c);
        System.out.printf("%s: lost %d of %d acknowledged%n", name, run.lostWrites, run.acknowledged.size());
        return run;
    }

    /** Godwit under the same load, SIGKILLed a third of the way in and restarted on the same port and store. */
    private static void crash(Path repo, Path work, int seconds, int port) throws Exception {
        Path data = work.resolve("crash");
        Path log = work.resolve("crash.log");
        ServerProcess first = ServerProcess.godwit(repo, data, port, log);
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
                second.set(ServerProcess.godwit(repo, data, port, log));
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
                        + " p50 %.1f ms, p99 %.1f ms | errors %d/%d | wrong %d | lost %d of %d | peak RSS %d MB |%n", name,
                rate(r.adds, seconds), r.adds.records.get() / (double) seconds, r.adds.quantileMillis(0.5),
                r.adds.quantileMillis(0.99), rate(r.queries, seconds), r.queries.quantileMillis(0.5),
                r.queries.quantileMillis(0.99), r.adds.errors.get(), r.queries.errors.get(), r.wrongAnswers.get(),
                r.lostWrites, r.acknowledged.size(), rss);
    }
}
