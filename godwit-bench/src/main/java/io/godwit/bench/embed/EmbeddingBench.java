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
 * [--texts=N] [--threads=N] [--peer-first]}; prints a Markdown table and writes it to
 * {@code OUT/embeddings.md}.
 *
 * <p>Both sides get the same ONNX Runtime thread count (default: one per core), embed the first 32
 * texts once before timing, and take turns block by block ({@link Turns}), never running at the
 * same time. Three passes: batch 1 and batch 32 in the texts' order (the like-for-like comparison:
 * transformers.js's pipeline does not sort), then batch 32 with the batches cut from the texts
 * ordered by length (Godwit's default for a call of many texts; transformers.js given the same
 * batches). The vectors of both sides are compared at the end (least cosine).
 */
public final class EmbeddingBench {

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(option(args, "--texts=", "10000"));
        int threads = Integer.parseInt(option(args, "--threads=", Integer.toString(Runtime.getRuntime().availableProcessors())));
        boolean peerFirst = List.of(args).contains("--peer-first");
        Path out = Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath();
        Path golden = Path.of(System.getProperty("bench.golden", "godwit-embeddings-minilm/golden")).toAbsolutePath();
        Files.createDirectories(out);
        List<String> texts = Glosses.first(count);
        List<String> lines = new ArrayList<>(List.of(
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "Command: `bench/embeddings.sh " + String.join(" ", args) + "`",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; `uptime` at start: " + uptime(),
                "Texts: the first " + count + " distinct WordNet noun glosses (" + Glosses.DATA_NOUN + "), "
                        + "mean " + texts.stream().mapToInt(String::length).sum() / count + " characters",
                "ONNX Runtime threads per call: " + threads + " on both sides; turns of " + Turns.BLOCK
                        + " texts, " + (peerFirst ? "transformers.js" : "Godwit") + " first in the first turn"));
        Run run = run(texts, threads, golden, out, peerFirst);
        lines.add("Load average (1, 5, 15 min) as each pass starts: " + String.join("; ", run.loads)
                + "; at the end: " + Turns.load());
        lines.add("Godwit: ONNX Runtime " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion()
                + " (Java); transformers.js: @huggingface/transformers " + run.peer.version + ", onnxruntime-node "
                + run.peer.onnxRuntimeVersion + " (node " + nodeVersion() + ")");
        lines.add("");
        lines.addAll(Table.rows(run));
        lines.add("");
        lines.add(String.format("Vectors, least cosine over %d texts: Godwit against transformers.js %.7f (sorted pass); "
                        + "Godwit's sorted pass against its batch-32 pass in order %.7f",
                count, leastCosine(run.sorted.godwitVectors(), run.peerEnd.vectors()),
                leastCosine(run.sorted.godwitVectors(), run.inOrder.get(32).godwitVectors())));
        lines.add("uptime at the end: " + uptime());
        Files.write(out.resolve("embeddings.md"), lines);
        lines.forEach(System.out::println);
    }

    /** Both sides' figures: per pass, and of the loaded model. */
    static final class Run {
        final Map<Integer, Turns.Pass> inOrder = new LinkedHashMap<>();
        Turns.Pass sorted;
        final List<String> loads = new ArrayList<>();
        double godwitLoadSeconds;
        double godwitModelMb;
        double godwitEndMb;
        Peer peer;
        Peer.Ending peerEnd;
    }

    /** Loads both sides' models once, then runs the three passes, the sides taking turns. */
    private static Run run(List<String> texts, int threads, Path golden, Path out, boolean peerFirst) throws Exception {
        Run run = new Run();
        Turns.ProgressHook hook = new Turns.ProgressHook();
        double before = Rss.mb();
        long t = System.nanoTime();
        try (DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults()
                .batchSize(32).intraOpThreads(threads).progress(hook))) {
            f.embed(texts.subList(0, 32));
            run.godwitLoadSeconds = (System.nanoTime() - t) / 1e9;
            System.gc();
            run.godwitModelMb = Rss.mb() - before;
            try (Peer peer = new Peer(golden, texts, threads, out)) {
                run.peer = peer;
                Turns turns = new Turns(f, hook, peer, texts, peerFirst);
                for (int size : List.of(1, 32)) {
                    Turns.Pass pass = turns.inOrder(size);
                    run.inOrder.put(size, pass);
                    run.loads.add("batch " + size + " in order " + pass.loadAtStart());
                }
                run.sorted = turns.sorted(32);
                run.loads.add("batch 32 sorted " + run.sorted.loadAtStart());
                run.godwitEndMb = Rss.mb();
                run.peerEnd = peer.end();
            }
        }
        return run;
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (Exception e) {
            return "?";
        }
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
