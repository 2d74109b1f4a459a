package io.godwit.bench.embed;

import io.godwit.store.embedding.minilm.DefaultEmbeddingFunction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences per second of the default embedding function (all-MiniLM-L6-v2) on WordNet glosses, at
 * batch 1 and batch 32, beside transformers.js on the same model file and texts in the same run;
 * and the resident memory the loaded model takes on each side. Started by {@code bench/embeddings.sh
 * [--texts=N] [--threads=N]}; prints a Markdown table and writes it to {@code OUT/embeddings.md}.
 *
 * <p>Both sides get the same ONNX Runtime thread count (default: one per core) and embed the first
 * 32 texts once before timing; for each batch size transformers.js's pass runs right after
 * Godwit's, never beside it. The vectors of both sides are compared at the end (least cosine).
 */
public final class EmbeddingBench {

    private static final List<Integer> BATCHES = List.of(1, 32);

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(option(args, "--texts=", "10000"));
        int threads = Integer.parseInt(option(args, "--threads=", Integer.toString(Runtime.getRuntime().availableProcessors())));
        Path out = Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath();
        Path golden = Path.of(System.getProperty("bench.golden", "godwit-embeddings-minilm/golden")).toAbsolutePath();
        Files.createDirectories(out);
        List<String> texts = Glosses.first(count);
        List<String> lines = new ArrayList<>(List.of(
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "Command: `bench/embeddings.sh " + String.join(" ", args) + "`",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average at start "
                        + Files.readString(Path.of("/proc/loadavg")).strip(),
                "Texts: the first " + count + " distinct WordNet noun glosses (" + Glosses.DATA_NOUN + "), "
                        + "mean " + texts.stream().mapToInt(String::length).sum() / count + " characters",
                "ONNX Runtime threads per call: " + threads + " on both sides"));
        Run run = run(texts, threads, golden, out);
        lines.add("Load average (1, 5, 15 min) as each pass starts: " + String.join("; ", run.loads)
                + "; at the end: " + load());
        lines.add("transformers.js: @huggingface/transformers " + run.peerVersion + " (node " + nodeVersion() + ")");
        lines.add("");
        lines.addAll(table(run));
        lines.add("");
        lines.add(String.format("Vectors of both sides, batch 32: least cosine %.7f over %d texts",
                leastCosine(run.godwitVectors, run.peerVectors), count));
        Files.write(out.resolve("embeddings.md"), lines);
        lines.forEach(System.out::println);
    }

    /** Both sides' figures: per batch size, and of the loaded model. */
    private static final class Run {
        final Map<Integer, Double> godwitRates = new LinkedHashMap<>();
        final Map<Integer, Double> peerRates = new LinkedHashMap<>();
        final List<String> loads = new ArrayList<>();
        double godwitLoadSeconds;
        double godwitModelMb;
        double godwitEndMb;
        Peer.Result firstPeer;
        String peerVersion;
        List<float[]> godwitVectors;
        List<float[]> peerVectors;
    }

    /**
     * Loads Godwit's model once, then for each batch size runs Godwit's pass and right after it
     * transformers.js's pass (a process per pass), so that the two passes compared share nearly the
     * same machine load (on a shared machine the load can move a lot in the minutes of one pass).
     */
    private static Run run(List<String> texts, int threads, Path golden, Path out) throws Exception {
        Run run = new Run();
        double before = Rss.mb();
        long t = System.nanoTime();
        try (DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create(
                DefaultEmbeddingFunction.Options.defaults().intraOpThreads(threads))) {
            f.embed(texts.subList(0, 32));
            run.godwitLoadSeconds = (System.nanoTime() - t) / 1e9;
            System.gc();
            run.godwitModelMb = Rss.mb() - before;
            for (int size : BATCHES) {
                String loadNow = load();
                run.godwitVectors = new ArrayList<>(texts.size());
                t = System.nanoTime();
                for (int from = 0; from < texts.size(); from += size) {
                    run.godwitVectors.addAll(f.embed(texts.subList(from, Math.min(texts.size(), from + size))));
                    progress("Godwit", size, from + size, t);
                }
                run.godwitRates.put(size, texts.size() / ((System.nanoTime() - t) / 1e9));
                System.out.printf("Godwit, batch %d: %.1f texts/s; now transformers.js%n", size, run.godwitRates.get(size));
                String loadPeer = load();
                Peer.Result peer = Peer.run(golden, texts, threads, List.of(size), out);
                run.peerRates.put(size, peer.rates().get(size));
                run.peerVectors = peer.vectors();
                run.peerVersion = peer.version();
                if (run.firstPeer == null) {
                    run.firstPeer = peer;
                }
                run.loads.add("batch " + size + ": Godwit " + loadNow + ", transformers.js " + loadPeer);
            }
            run.godwitEndMb = Rss.mb();
        }
        return run;
    }

    private static List<String> table(Run run) {
        List<String> rows = new ArrayList<>(List.of(
                "| | Godwit (DJL tokenizers + ONNX Runtime Java) | transformers.js | ratio Godwit / transformers.js |",
                "| --- | ---: | ---: | ---: |"));
        for (int size : BATCHES) {
            double g = run.godwitRates.get(size);
            double p = run.peerRates.get(size);
            rows.add(String.format("| texts/s, batch %d | %.1f | %.1f | %.2f |", size, g, p, g / p));
        }
        Peer.Result peer = run.firstPeer;
        rows.add(String.format("| load + first batch | %.1f s | %.1f s | |", run.godwitLoadSeconds, peer.loadSeconds()));
        rows.add(String.format("| resident memory taken by the loaded model | %.0f MB | %.0f MB | %.2f |",
                run.godwitModelMb, peer.modelMb(), run.godwitModelMb / peer.modelMb()));
        rows.add(String.format("| resident memory of the process at the end | %.0f MB | %.0f MB | %.2f |",
                run.godwitEndMb, peer.endMb(), run.godwitEndMb / peer.endMb()));
        return rows;
    }

    private static double leastCosine(List<float[]> a, List<float[]> b) {
        double least = 1;
        for (int i = 0; i < a.size(); i++) {
            double dot = 0;
            for (int d = 0; d < 384; d++) {
                dot += (double) a.get(i)[d] * b.get(i)[d];
            }
            least = Math.min(least, dot);
        }
        return least;
    }

    /** A line every 2,000 texts, so that a slow pass shows its rate (and the load) before it ends. */
    private static void progress(String side, int size, int done, long start) throws java.io.IOException {
        if (done % 2000 < size && done > size) {
            System.out.printf("  %s, batch %d: %d texts, %.1f texts/s so far (load %s)%n", side, size, done,
                    done / ((System.nanoTime() - start) / 1e9), load());
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    private static String load() throws java.io.IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    private static String option(String[] args, String prefix, String otherwise) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return otherwise;
    }
}
