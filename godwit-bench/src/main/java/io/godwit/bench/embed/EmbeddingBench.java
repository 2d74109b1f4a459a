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
 * 32 texts once before timing. The vectors of both sides are compared at the end (least cosine).
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
        String loadBefore = load();
        Side godwit = godwit(texts, threads);
        String loadBetween = load();
        System.out.println("Godwit done (load " + loadBetween + "); now transformers.js");
        Peer.Result peer = Peer.run(golden, texts, threads, BATCHES, out);
        lines.add("Load average (1, 5, 15 min) as Godwit's side starts: " + loadBefore + "; as transformers.js's starts: "
                + loadBetween + "; at the end: " + load());
        lines.add("transformers.js: @huggingface/transformers " + peer.version() + " (node " + nodeVersion() + ")");
        lines.add("");
        lines.addAll(table(godwit, peer));
        lines.add("");
        lines.add(String.format("Vectors of both sides, batch 32: least cosine %.7f over %d texts",
                leastCosine(godwit.vectors, peer.vectors()), count));
        Files.write(out.resolve("embeddings.md"), lines);
        lines.forEach(System.out::println);
    }

    private record Side(double loadSeconds, double modelMb, double endMb, Map<Integer, Double> rates,
                        List<float[]> vectors) {
    }

    private static Side godwit(List<String> texts, int threads) {
        double before = Rss.mb();
        long t = System.nanoTime();
        Map<Integer, Double> rates = new LinkedHashMap<>();
        List<float[]> vectors = null;
        try (DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create(
                DefaultEmbeddingFunction.Options.defaults().intraOpThreads(threads))) {
            f.embed(texts.subList(0, 32));
            double loadSeconds = (System.nanoTime() - t) / 1e9;
            System.gc();
            double modelMb = Rss.mb() - before;
            for (int size : BATCHES) {
                vectors = new ArrayList<>(texts.size());
                t = System.nanoTime();
                for (int from = 0; from < texts.size(); from += size) {
                    vectors.addAll(f.embed(texts.subList(from, Math.min(texts.size(), from + size))));
                }
                rates.put(size, texts.size() / ((System.nanoTime() - t) / 1e9));
                System.out.printf("Godwit, batch %d: %.1f texts/s%n", size, rates.get(size));
            }
            return new Side(loadSeconds, modelMb, Rss.mb(), rates, vectors);
        }
    }

    private static List<String> table(Side godwit, Peer.Result peer) {
        List<String> rows = new ArrayList<>(List.of(
                "| | Godwit (DJL tokenizers + ONNX Runtime Java) | transformers.js | ratio Godwit / transformers.js |",
                "| --- | ---: | ---: | ---: |"));
        for (int size : BATCHES) {
            double g = godwit.rates.get(size);
            double p = peer.rates().get(size);
            rows.add(String.format("| texts/s, batch %d | %.1f | %.1f | %.2f |", size, g, p, g / p));
        }
        rows.add(String.format("| load + first batch | %.1f s | %.1f s | |", godwit.loadSeconds, peer.loadSeconds()));
        rows.add(String.format("| resident memory taken by the loaded model | %.0f MB | %.0f MB | %.2f |",
                godwit.modelMb, peer.modelMb(), godwit.modelMb / peer.modelMb()));
        rows.add(String.format("| resident memory of the process at the end | %.0f MB | %.0f MB | %.2f |",
                godwit.endMb, peer.endMb(), godwit.endMb / peer.endMb()));
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
