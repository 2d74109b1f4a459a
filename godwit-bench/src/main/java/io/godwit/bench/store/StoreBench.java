package io.godwit.bench.store;

import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.Where;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record store beside the Chroma peer, same workload ({@link Workload}), same run, three ways:
 * Godwit's persistent client in this JVM; Godwit's own server ({@code godwit run}) and the real Chroma
 * 1.0 server, both through Chroma's npm client ({@link NpmWorkload}). Reports add rate, p50 of get by
 * 1,000 ids, get by a 1 % filter, count and peek (at a tenth of the records and at all of them:
 * constant time shows as equal figures), resident memory, the ratios to the peer and the machine's
 * load average around each part. Usage: bench/store.sh [--quick] [--parts=inprocess,server,peer]
 * (--quick: 20,000 records instead of 100,000; --parts: only those, the others' last results are read
 * from bench/out, so that a long run can be split into holds of the bench lock).
 * Ports: -Dbench.peerPort (18150), -Dbench.serverPort (18151); -Dbench.godwitLauncher, the launcher
 * ({@code bin/godwit}, which runs {@code godwit-cli/target/godwit.jar}).
 */
public final class StoreBench {
    /** The three ways, in the table's order; each can run on its own ({@code --parts=}) and is kept in bench/out. */
    private static final List<String> PARTS = List.of("inprocess", "server", "peer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPS = List.of("getIds", "getWhere", "countAtTenth", "count", "peekAtTenth", "peek");

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> parts = List.of(option(args, "--parts=", String.join(",", PARTS)).split(","));
        Workload w = new Workload(quick ? 20_000 : 100_000, 384, 1_000, 20, 42);
        Path dir = Files.createTempDirectory("store-bench");
        Path out = Files.createDirectories(Path.of("bench/out"));
        String name = quick ? "store-quick" : "store-full";
        try {
            for (String part : parts) {
                if (!PARTS.contains(part)) {
                    throw new IllegalArgumentException("--parts: " + part + " is not one of " + PARTS);
                }
                String before = loadAverage();
                Map<String, Object> r = run(part, w, dir);
                r.put("load", "before " + before + ", after " + loadAverage() + " (" + java.time.Instant.now() + ")");
                JSON.writeValue(out.resolve(name + "-" + part + ".json").toFile(), r);
            }
        } finally {
            try (var files = Files.walk(dir)) {   // the stores of a full run take about 1 GB
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (String part : PARTS) {
            Path saved = out.resolve(name + "-" + part + ".json");
            if (!Files.exists(saved)) {
                System.out.println("Part " + part + " not measured yet (" + saved + "): run --parts=" + part);
                return;
            }
            results.add(JSON.readValue(saved.toFile(), new TypeReference<Map<String, Object>>() { }));
        }
        String report = report(w, results.get(0), results.get(1), results.get(2));
        Files.writeString(out.resolve(name + ".md"), report);
        System.out.println(report);
    }

    private static Map<String, Object> run(String part, Workload w, Path dir) throws Exception {
        return switch (part) {
            case "inprocess" -> inProcess(w, dir.resolve("godwit"));
            case "server" -> NpmWorkload.godwit(w, dir, Path.of(System.getProperty("bench.godwitLauncher", "bin/godwit")),
                    Integer.getInteger("bench.serverPort", 18151));
            default -> NpmWorkload.peer(w, dir, Integer.getInteger("bench.peerPort", 18150));
        };
    }

    private static String report(Workload w, Map<String, Object> godwit, Map<String, Object> server, Map<String, Object> peer) {
        return table(w, godwit, server, peer) + "\nwhere matches: in process " + godwit.get("whereMatches")
                + ", server " + server.get("whereMatches") + ", peer " + peer.get("whereMatches") + "; counts: "
                + godwit.get("countValue") + ", " + server.get("countValue") + ", " + peer.get("countValue") + "\n\n"
                + "load average (1, 5, 15 min) around each part: in process " + godwit.get("load") + "; Godwit server "
                + server.get("load") + "; peer " + peer.get("load") + "\n\nthis JVM's options: "
                + ManagementFactory.getRuntimeMXBean().getInputArguments() + "; Java " + System.getProperty("java.version")
                + "; " + Runtime.getRuntime().availableProcessors() + " cores\n";
    }

    private static String option(String[] args, String prefix, String otherwise) {
        return java.util.Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(otherwise);
    }

    private static String table(Workload w, Map<String, Object> g, Map<String, Object> s, Map<String, Object> p) {
        StringBuilder md = new StringBuilder("| " + w.n() + " records x " + w.dim() + " d, batches of " + w.batch()
                + " | Godwit in process | Godwit server (npm client) | Chroma peer (npm client) | in process vs peer"
                + " | server vs peer |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        row(md, "add, records/s", g, s, p, "addRate", true);
        for (String op : OPS) {
            row(md, op + " p50, ms", g, s, p, op, false);
        }
        row(md, "resident memory, MB", g, s, p, "rssMb", false);
        return md.toString();
    }

    /** Ratios read "how many times better Godwit is": rates Godwit/peer, times and memory peer/Godwit. */
    private static void row(StringBuilder md, String label, Map<String, Object> g, Map<String, Object> s,
                            Map<String, Object> p, String key, boolean higherIsBetter) {
        double a = ((Number) g.get(key)).doubleValue();
        double b = ((Number) s.get(key)).doubleValue();
        double c = ((Number) p.get(key)).doubleValue();
        md.append(String.format("| %s | %.1f | %.1f | %.1f | %.2fx | %.2fx |%n", label, a, b, c,
                higherIsBetter ? a / c : c / a, higherIsBetter ? b / c : c / b));
    }

    private static Map<String, Object> inProcess(Workload w, Path dir) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection("store_bench");
            long adding = 0;
            for (int i = 0; i < w.n(); i += w.batch()) {
                var batch = w.batch(i);   // made outside the timing, as the npm script reads its file beforehand
                long t = System.nanoTime();
                c.add(batch);
                adding += System.nanoTime() - t;
                if (i + w.batch() == w.n() / 10) {
                    r.put("countAtTenth", Timings.p50(Timings.time(w.reps(), rep -> c.count())));
                    r.put("peekAtTenth", Timings.p50(Timings.time(w.reps(), rep -> c.peek(10))));
                }
            }
            r.put("addRate", w.n() / (adding / 1e9));
            List<List<String>> gets = w.getIds();
            GetRequest where = GetRequest.all().where(Where.eq("bucket", 7));
            r.put("getIds", Timings.p50(Timings.time(gets.size(), rep -> c.get(GetRequest.ids(gets.get(rep))))));
            r.put("getWhere", Timings.p50(Timings.time(w.reps(), rep -> c.get(where))));
            r.put("count", Timings.p50(Timings.time(w.reps(), rep -> c.count())));
            r.put("peek", Timings.p50(Timings.time(w.reps(), rep -> c.peek(10))));
            r.put("whereMatches", c.get(where).ids().size());
            r.put("countValue", c.count());
            r.put("rssMb", rssMb(ProcessHandle.current().pid()));
        }
        return r;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
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
