package io.godwit.bench.importer;

import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.importer.ChromaImporter;
import io.godwit.store.importer.ChromaSource;
import io.godwit.store.importer.ImportReport;
import io.godwit.store.importer.SourceCollection;
import io.godwit.store.importer.SourceRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import benchmark (run by hand, {@code bench/import.sh}): a Chroma 1.x directory the real
 * Chroma server wrote (200,000 records of 384 dimensions by default) and a 0.3 directory written by
 * DuckDB (100,000), each imported into a new store; records per second of the import's write
 * phase and of its verification, beside a plain JDBC batch insert of the same rows into the same
 * tables ({@link JdbcBaseline}, timed before and after the import) and a bare read of the source,
 * all in the same run. Arguments: OUT (where the sources are), the 1.x directory's name in OUT, the
 * 0.3 record count, and WORK (where the stores are written; default OUT).
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out-import").toAbsolutePath();
        Path peerDir = out.resolve(args.length > 1 ? args[1] : "chroma-1x-200k");
        int count03 = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path work = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : out;
        List<String> lines = new ArrayList<>();
        lines.add("Load average at the start: " + loadAverage());
        lines.add("");
        lines.add("| source | records | bare read | JDBC insert (before / after) | JDBC like the store (before / after)"
                + " | import: write | import: verify | write / JDBC insert | write / JDBC like the store | import total |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        if (Files.isRegularFile(peerDir.resolve("chroma.sqlite3"))) {
            lines.add(run("Chroma 1.x (peer-written)", peerDir, work));
        } else {
            lines.add("| Chroma 1.x | missing: run bench/import.sh to write " + peerDir + " with the peer | | | | | | | | |");
        }
        lines.add(run("Chroma 0.3 (DuckDB Parquet)", ParquetDirectory.ensure(out.resolve("chroma-03-" + count03), count03, 384), work));
        lines.add("");
        lines.add("Load average at the end: " + loadAverage());
        lines.forEach(System.out::println);
        Files.write(work.resolve("results.md"), lines);
    }

    /**
     * One source: a bare read, the two JDBC baselines, the import, the baselines again in reverse
     * order (the machine's load changes during a run; each ratio is to the mean of the two runs of
     * its baseline, which bracket the import).
     */
    private static String run(String label, Path source, Path out) throws Exception {
        List<SourceRecord> rows = new ArrayList<>();
        String name;
        long readStart = System.nanoTime();
        try (ChromaSource s = ChromaSource.open(source)) {
            SourceCollection c = s.collections().get(0);
            name = c.name();
            s.read(c, 1000, rows::addAll);
        }
        double read = (System.nanoTime() - readStart) / 1e9;
        int n = rows.size();
        double insertBefore = baseline(out, name, rows, JdbcBaseline.Mode.INSERT);
        double likeBefore = baseline(out, name, rows, JdbcBaseline.Mode.LIKE_THE_STORE);

        Path target = fresh(out.resolve("imported"));
        Map<String, double[]> phases = new LinkedHashMap<>();
        ImportReport report = ChromaImporter.intoNewStore(source, target, GodwitClient.DATABASE_FILE,
                d -> GodwitClient.persistent(d), (task, done, total) -> {
                    String phase = task.startsWith("importing") ? "write" : "verify";
                    double now = System.nanoTime() / 1e9;
                    double[] span = phases.computeIfAbsent(phase, k -> new double[] {now, now});
                    span[1] = now;
                });
        double write = span(phases, "write");
        double verify = span(phases, "verify");
        double likeAfter = baseline(out, name, rows, JdbcBaseline.Mode.LIKE_THE_STORE);
        double insertAfter = baseline(out, name, rows, JdbcBaseline.Mode.INSERT);
        return String.format("| %s | %,d | %,.0f rec/s | %,.0f / %,.0f rec/s | %,.0f / %,.0f rec/s | %,.0f rec/s | %,.0f rec/s"
                        + " | %.2fx | %.2fx | %.1f s |", label, report.records(), n / read, n / insertBefore, n / insertAfter,
                n / likeBefore, n / likeAfter, n / write, n / verify, write / ((insertBefore + insertAfter) / 2),
                write / ((likeBefore + likeAfter) / 2), report.seconds());
    }

    /** The JDBC insert of {@code rows} into a fresh store's collection {@code name}; seconds. */
    private static double baseline(Path out, String name, List<SourceRecord> rows, JdbcBaseline.Mode mode) throws Exception {
        Path dir = fresh(out.resolve("baseline"));
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            client.createCollection(CreateCollection.named(name).dimension(rows.get(0).embedding().length));
        }
        return JdbcBaseline.insert(dir.resolve(GodwitClient.DATABASE_FILE).toString(), name, rows, 1000, mode);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double span(Map<String, double[]> phases, String phase) {
        double[] s = phases.get(phase);
        return s == null ? Double.NaN : s[1] - s[0];
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
