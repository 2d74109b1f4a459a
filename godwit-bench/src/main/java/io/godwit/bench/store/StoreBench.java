package io.godwit.bench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.Where;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record store beside the Chroma peer, same workload ({@link Workload}), same run: Godwit's
 * persistent client in this JVM, and a real Chroma 1.0 server reached by Chroma's npm client.
 * Reports add rate, p50 of get by 1,000 ids, get by a 1 % filter, count and peek (at a tenth of the
 * records and at all of them: constant time shows as equal figures), resident memory, and the ratios.
 * Usage: bench/store.sh [--quick] (20,000 records instead of 100,000). Peer port: 18150.
 */
public final class StoreBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Workload w = new Workload(quick ? 20_000 : 100_000, 384, 1_000, 20, 42);
        Path dir = Files.createTempDirectory("store-bench");
        Map<String, Object> godwit = godwit(w, dir.resolve("godwit"));
        Map<String, Object> peer = peer(w, dir);
        StringBuilder md = new StringBuilder("| " + w.n() + " records x " + w.dim() + " d, batches of " + w.batch()
                + " | Godwit (in process) | Chroma peer (npm client) | ratio |\n| --- | --- | --- | --- |\n");
        row(md, "add, records/s", godwit, peer, "addRate", true);
        for (String op : List.of("getIds", "getWhere", "countAtTenth", "count", "peekAtTenth", "peek")) {
            row(md, op + " p50, ms", godwit, peer, op, false);
        }
        row(md, "resident memory, MB", godwit, peer, "rssMb", false);
        String report = md + "\nwhere matches: Godwit " + godwit.get("whereMatches") + ", peer " + peer.get("whereMatches")
                + "; counts: Godwit " + godwit.get("countValue") + ", peer " + peer.get("countValue") + "\n";
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(quick ? "store-quick.md" : "store-full.md"), report);
        System.out.println(report);
    }

    /** Ratios read "how many times better Godwit is": rates Godwit/peer, times and memory peer/Godwit. */
    private static void row(StringBuilder md, String label, Map<String, Object> g, Map<String, Object> p, String key,
                            boolean higherIsBetter) {
        double a = ((Number) g.get(key)).doubleValue();
        double b = ((Number) p.get(key)).doubleValue();
        double ratio = higherIsBetter ? a / b : b / a;
        md.append(String.format("| %s | %.1f | %.1f | %.2fx |%n", label, a, b, ratio));
    }

    private static Map<String, Object> godwit(Workload w, Path dir) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection("store_bench");
            long adding = 0;
            for (int i = 0; i < w.n(); i += w.batch()) {
                var batch = w.batch(i);   // made outside the timing, as the peer's script reads its file beforehand
                long t = System.nanoTime();
                c.add(batch);
                adding += System.nanoTime() - t;
                if (i + w.batch() == w.n() / 10) {
                    r.put("countAtTenth", Timings.p50(Timings.time(w.reps(), rep -> c.count())));
                    r.put("peekAtTenth", Timings.p50(Timings.time(w.reps(), rep -> c.peek(10))));
                }
            }
            double seconds = adding / 1e9;
            r.put("addRate", w.n() / seconds);
            List<List<String>> gets = w.getIds();
            r.put("getIds", Timings.p50(Timings.time(gets.size(), rep -> c.get(GetRequest.ids(gets.get(rep))))));
            r.put("getWhere", Timings.p50(Timings.time(w.reps(), rep -> c.get(GetRequest.all().where(Where.eq("bucket", 7))))));
            r.put("count", Timings.p50(Timings.time(w.reps(), rep -> c.count())));
            r.put("peek", Timings.p50(Timings.time(w.reps(), rep -> c.peek(10))));
            r.put("whereMatches", c.get(GetRequest.all().where(Where.eq("bucket", 7))).ids().size());
            r.put("countValue", c.count());
            r.put("rssMb", rssMb(ProcessHandle.current().pid()));
        }
        return r;
    }

    private static Map<String, Object> peer(Workload w, Path dir) throws Exception {
        int port = Integer.getInteger("bench.peerPort", 18150);
        w.writeVectors(dir.resolve("data.f32"));
        JSON.writeValue(dir.resolve("gets.json").toFile(), w.getIds());
        Path cfg = dir.resolve("peer-config.json");
        JSON.writeValue(cfg.toFile(), Map.of("port", port, "dir", dir.toString(), "n", w.n(), "dim", w.dim(),
                "batch", w.batch(), "reps", w.reps()));
        Process server = new ProcessBuilder("peer/start.sh", String.valueOf(port), dir.resolve("peer-data").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile()).start();
        try {
            awaitHeartbeat(port, server);
            Path result = dir.resolve("peer.json");
            Process node = new ProcessBuilder("node", "bench/store/peer-workload.js", cfg.toString())
                    .redirectOutput(result.toFile()).redirectError(dir.resolve("peer-workload.err").toFile()).start();
            if (node.waitFor() != 0) {
                throw new IllegalStateException("peer workload failed: " + Files.readString(dir.resolve("peer-workload.err")));
            }
            JsonNode j = JSON.readTree(result.toFile());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("addRate", w.n() / j.get("addSeconds").asDouble());
            j.get("ms").fields().forEachRemaining(e -> {
                List<Double> ms = new ArrayList<>();
                e.getValue().forEach(v -> ms.add(v.asDouble()));
                r.put(e.getKey(), Timings.p50(ms));
            });
            r.put("whereMatches", j.get("whereMatches").asInt());
            r.put("countValue", j.get("count").asLong());
            r.put("rssMb", rssMb(server.pid()));
            return r;
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitHeartbeat(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the Chroma peer exited; is `npm ci --prefix peer` done?");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/heartbeat")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Chroma peer did not answer on port " + port);
    }

    /** A process tree's resident memory in MB, from /proc. */
    static double rssMb(long pid) {
        return ProcessHandle.of(pid).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants())
                .mapToLong(StoreBench::rssKb).sum() / 1024.0).orElse(Double.NaN);
    }

    private static long rssKb(ProcessHandle h) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(h.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
