package io.godwit.bench.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector-index benchmark (issue "The vector index"): per workload, the Godwit segment in its
 * own JVM and a fresh Chroma 1.0 peer over HTTP on the same seeded data, in the same run, with
 * ratios. Started by {@code bench/vector.sh [--quick]}; writes {@code bench/out/vector-*.md}.
 */
public final class VectorBench {
    /** The documented ef_search of the high-recall rows. */
    static final int EF_ALT = 200;
    static final int K = 10;

    private VectorBench() {
    }

    /** One workload; {@code peer} false: Godwit alone (the million-vector row, which the peer cannot finish in a run's time). */
    record Workload(Space space, int n, int dim, int queries, boolean peer) {
        String name() {
            return String.format("%s, %,d x %d", space.wireName(), n, dim);
        }

        boolean million() {
            return n >= 1_000_000;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int port = Integer.parseInt(System.getProperty("bench.peerPort", "18310"));
        Path out = Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath();
        String cp = System.getProperty("java.class.path");
        boolean peer1m = Boolean.getBoolean("bench.peer1m");
        List<Workload> workloads = new ArrayList<>();
        for (Space space : Space.values()) {
            workloads.add(new Workload(space, 10_000, 384, quick ? 200 : 500, true));
        }
        if (!quick) {
            for (Space space : List.of(Space.L2, Space.COSINE, Space.IP)) {
                workloads.add(new Workload(space, 100_000, 384, 500, true));
            }
            workloads.add(new Workload(Space.COSINE, 10_000, 3072, 200, true));
            workloads.add(new Workload(Space.L2, 1_000_000, 384, 100, peer1m));
        }
        String only = Arrays.stream(args).filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst()
                .orElse(null);
        if (only != null) {
            // e.g. --only=l2-100000-384: the workloads whose folder name contains it
            workloads = workloads.stream().filter(w -> folder(w).contains(only)).toList();
        }
        List<String> header = new ArrayList<>(List.of("Date: " + ZonedDateTime.now(),
                "Command: `bench/vector.sh" + String.join("", Arrays.stream(args).map(a -> " " + a).toList()) + "`"
                        + (System.getenv("GODWIT_BENCH_JAVA_OPTS") == null ? ""
                        : " with GODWIT_BENCH_JAVA_OPTS=`" + System.getenv("GODWIT_BENCH_JAVA_OPTS") + "`"),
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + " (" + System.getProperty("java.home") + "), load average at start " + loadAverage()));
        VectorReport report = new VectorReport();
        for (Workload w : workloads) {
            Path dir = out.resolve("vector").resolve(folder(w));
            // -Dbench.reuse=true (or -Dbench.part=servers): keep an earlier run's in-process side (its
            // godwit.json and store), e.g. after a later part of the workload failed, or to run a large
            // workload in two parts of at most 15 minutes each: -Dbench.part=inprocess, then =servers
            String part = System.getProperty("bench.part", "all");
            boolean reuse = (Boolean.getBoolean("bench.reuse") || part.equals("servers"))
                    && Files.exists(dir.resolve("godwit.json"));
            // -Dbench.addsUpTo=N: the in-process side's adds in parts (StoreSide); a later part resumes
            boolean resume = !reuse && Files.exists(dir.resolve("godwit-progress.json"));
            if (!reuse && !resume) {
                deleteTree(dir);
            }
            System.out.printf("Workload %s: data and exact answers (load %s)%n", w.name(), loadAverage());
            Dataset ds = new Dataset(w.space(), w.n(), w.dim(), w.queries(), K);
            if (!reuse && !resume) {
                ds.write(dir);
            }
            ds.computeTruth();
            ds.release();
            System.out.printf("Workload %s: Godwit in process (own JVM; load %s)%s%n", w.name(), loadAverage(),
                    reuse ? ": kept from the earlier run" : "");
            JsonNode g = reuse ? new ObjectMapper().readTree(dir.resolve("godwit.json").toFile()) : godwit(cp, dir, w, heap(w));
            if (g == null) {
                System.out.printf("Workload %s: adds done up to %s (load %s); go on with a larger -Dbench.addsUpTo, or"
                        + " without it for the rest and the queries%n", w.name(), System.getProperty("bench.addsUpTo"),
                        loadAverage());
                continue;
            }
            if (part.equals("inprocess")) {
                System.out.printf("Workload %s: in-process side done (load %s); the servers next, with -Dbench.part=servers%n",
                        w.name(), loadAverage());
                continue;
            }
            PeerRun http = null;
            if (!w.million()) {
                System.out.printf("Workload %s: Godwit's HTTP server (load %s)%n", w.name(), loadAverage());
                http = PeerRun.godwitServer(dir, port + 1, ds);
            }
            PeerRun peer = null;
            if (w.peer()) {
                System.out.printf("Workload %s: Chroma peer (load %s)%n", w.name(), loadAverage());
                peer = PeerRun.run(dir, port, ds, EF_ALT);
            }
            report.add(w.name(), ds, g, http, peer);
            System.out.println(report.last());
        }
        header.add("Load average at end: " + loadAverage());
        String text = String.join("  \n", header) + "\n\n" + report.table() + "\n" + VectorReport.NOTES;
        Files.createDirectories(out);
        Path file = out.resolve((quick ? "vector-quick" : "vector-full") + (only == null ? "" : "-" + only) + ".md");
        Files.writeString(file, text);
        System.out.println(text);
        System.out.println("Written to " + file);
    }

    /** The Godwit JVM's heap: the benchmark's own copy of the data plus the store's. */
    private static String heap(Workload w) {
        long bytes = (long) w.n() * w.dim() * 4;
        return bytes > 1_000_000_000L ? "6g" : bytes > 100_000_000L ? "2g" : "1g";
    }

    private static String folder(Workload w) {
        return w.space().wireName() + "-" + w.n() + "-" + w.dim();
    }

    private static JsonNode godwit(String cp, Path dir, Workload w, String heap) throws Exception {
        String side = "segment".equals(System.getProperty("bench.side")) ? GodwitSide.class.getName()
                : StoreSide.class.getName();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap));
        command.addAll(vectorApiOptions());
        if (System.getProperty("bench.addsUpTo") != null) {
            command.add("-Dbench.addsUpTo=" + System.getProperty("bench.addsUpTo"));
        }
        command.addAll(List.of("-cp", cp, side, dir.toString(), w.space().wireName(), String.valueOf(w.dim()),
                String.valueOf(K), String.valueOf(EF_ALT), w.million() ? "no-rebuild" : "rebuild"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("godwit.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Godwit side failed: " + Files.readString(dir.resolve("godwit.log")));
        }
        Path done = dir.resolve("godwit.json");
        return Files.exists(done) ? new ObjectMapper().readTree(done.toFile()) : null; // null: a part of the adds
    }

    /** The java of this JVM: the Godwit side runs on the same JDK as the benchmark. */
    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's vector-API options (a JDK newer than 17 run with them), passed on to the Godwit side. */
    static List<String> vectorApiOptions() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-modules") || a.startsWith("-Dorg.apache.lucene.vectorization")) {
                out.add(a);
            }
        }
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Map<String, Answers> phases(JsonNode g) {
        Map<String, Answers> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        g.get("phases").fields().forEachRemaining(e -> out.put(e.getKey(), json.convertValue(e.getValue(), Answers.class)));
        return out;
    }
}
