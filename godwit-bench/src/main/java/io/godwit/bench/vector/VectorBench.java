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

    record Workload(Space space, int n, int dim, int queries) {
        String name() {
            return String.format("%s, %,d x %d", space.wireName(), n, dim);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int port = Integer.parseInt(System.getProperty("bench.peerPort", "18310"));
        Path out = Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath();
        String cp = System.getProperty("java.class.path");
        List<Workload> workloads = quick
                ? List.of(new Workload(Space.L2, 10_000, 384, 200), new Workload(Space.COSINE, 10_000, 384, 200),
                        new Workload(Space.IP, 10_000, 384, 200))
                : List.of(new Workload(Space.L2, 10_000, 384, 500), new Workload(Space.L2, 100_000, 384, 500),
                        new Workload(Space.COSINE, 100_000, 384, 500), new Workload(Space.IP, 100_000, 384, 500),
                        new Workload(Space.COSINE, 10_000, 3072, 200));
        String only = Arrays.stream(args).filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst()
                .orElse(null);
        if (only != null) {
            // e.g. --only=l2-100000-384: the workloads whose folder name contains it
            workloads = workloads.stream().filter(w -> folder(w).contains(only)).toList();
        }
        List<String> header = new ArrayList<>(List.of("Date: " + ZonedDateTime.now(),
                "Command: `bench/vector.sh" + (quick ? " --quick" : "") + "`",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + ", load average at start " + loadAverage()));
        VectorReport report = new VectorReport();
        for (Workload w : workloads) {
            Path dir = out.resolve("vector").resolve(folder(w));
            deleteTree(dir);
            System.out.printf("Workload %s: data and exact answers%n", w.name());
            Dataset ds = new Dataset(w.space(), w.n(), w.dim(), w.queries(), K);
            ds.write(dir);
            ds.computeTruth();
            System.out.printf("Workload %s: Godwit (own JVM)%n", w.name());
            JsonNode g = godwit(cp, dir, w, w.n() >= 100_000 || w.dim() > 1000 ? "3g" : "1g");
            System.out.printf("Workload %s: Chroma peer%n", w.name());
            PeerRun peer = PeerRun.run(dir, port, ds, EF_ALT);
            report.add(w.name(), ds, g, peer);
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

    private static String folder(Workload w) {
        return w.space().wireName() + "-" + w.n() + "-" + w.dim();
    }

    private static JsonNode godwit(String cp, Path dir, Workload w, String heap) throws Exception {
        String side = "segment".equals(System.getProperty("bench.side")) ? GodwitSide.class.getName()
                : StoreSide.class.getName();
        Process p = new ProcessBuilder("java", "-Xmx" + heap, "-cp", cp, side, dir.toString(),
                w.space().wireName(), String.valueOf(w.dim()), String.valueOf(K), String.valueOf(EF_ALT))
                .redirectErrorStream(true).redirectOutput(dir.resolve("godwit.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Godwit side failed: " + Files.readString(dir.resolve("godwit.log")));
        }
        return new ObjectMapper().readTree(dir.resolve("godwit.json").toFile());
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
