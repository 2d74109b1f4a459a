package io.godwit.bench.embed;

import io.godwit.ProgressListener;
import io.godwit.store.embedding.minilm.DefaultEmbeddingFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two sides taking turns over the same texts, a block of {@link #BLOCK} texts at a time (a few
 * seconds of work), each timing only its own embed calls, so that a load that moves during a pass
 * weighs on both sides alike. In-order passes alternate who goes first in each block (ABBA), and
 * cut batches in the texts' order, one embed call per batch, as transformers.js's pipeline is
 * called. The sorted pass gives Godwit all the texts in one call (its batches cut from the texts
 * ordered by length, longest first: {@code Options.sortByLength}) and transformers.js the same
 * batches, block after block, between Godwit's (through the function's progress listener).
 */
final class Turns {

    static final int BLOCK = 256;

    /** One pass's figures: texts per second of each side, and Godwit's vectors in the texts' order. */
    record Pass(double godwitRate, double peerRate, List<float[]> godwitVectors, String loadAtStart) {
    }

    private final DefaultEmbeddingFunction function;
    /** The function's progress listener forwards here; set during the sorted pass only. */
    private final ProgressHook hook;
    private final Peer peer;
    private final List<String> texts;
    private final boolean peerFirst;

    Turns(DefaultEmbeddingFunction function, ProgressHook hook, Peer peer, List<String> texts, boolean peerFirst) {
        this.function = function;
        this.hook = hook;
        this.peer = peer;
        this.texts = texts;
        this.peerFirst = peerFirst;
    }

    Pass inOrder(int batch) throws IOException {
        String load = load();
        List<float[]> vectors = new ArrayList<>(texts.size());
        double godwit = 0;
        double other = 0;
        for (int from = 0, block = 0; from < texts.size(); from += BLOCK, block++) {
            int to = Math.min(texts.size(), from + BLOCK);
            boolean godwitFirst = (block % 2 == 0) != peerFirst;
            if (!godwitFirst) {
                other += peer.run(batch, from, to, false);
            }
            godwit += godwitBlock(batch, from, to, vectors);
            if (godwitFirst) {
                other += peer.run(batch, from, to, false);
            }
            progress("batch " + batch + " in order", to, godwit, other);
        }
        return new Pass(texts.size() / godwit, texts.size() / other, vectors, load);
    }

    private double godwitBlock(int batch, int from, int to, List<float[]> vectors) {
        long t = System.nanoTime();
        for (int f = from; f < to; f += batch) {
            vectors.addAll(function.embed(texts.subList(f, Math.min(to, f + batch))));
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** Godwit: one call of all the texts; transformers.js: the same length-ordered batches. */
    Pass sorted(int batch) throws IOException {
        String load = load();
        double[] peerSeconds = {0};
        long[] paused = {0};
        int[] handed = {0};
        hook.set((task, done, total) -> {
            if (done % BLOCK == 0 || done == total) {
                long t = System.nanoTime();
                peerSeconds[0] += peerRun(batch, handed[0], (int) done);
                handed[0] = (int) done;
                paused[0] += System.nanoTime() - t;
            }
        });
        long t = System.nanoTime();
        List<float[]> vectors;
        try {
            vectors = function.embed(texts);
        } finally {
            hook.set(ProgressListener.NONE);
        }
        double godwit = (System.nanoTime() - t - paused[0]) / 1e9;
        progress("batch " + batch + " sorted", texts.size(), godwit, peerSeconds[0]);
        return new Pass(texts.size() / godwit, texts.size() / peerSeconds[0], vectors, load);
    }

    private double peerRun(int batch, int from, int to) {
        try {
            return peer.run(batch, from, to, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line every 2,000 texts, so that a slow pass shows its rates (and the load) before it ends. */
    private static void progress(String pass, int done, double godwit, double other) throws IOException {
        if (done % 2000 < BLOCK || done % BLOCK != 0) {
            System.out.printf("  %s: %d texts, Godwit %.1f texts/s, transformers.js %.1f texts/s so far (load %s)%n",
                    pass, done, done / godwit, done / other, load());
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** A progress listener whose target the benchmark sets per pass. */
    static final class ProgressHook implements ProgressListener {
        private volatile ProgressListener target = ProgressListener.NONE;

        void set(ProgressListener value) {
            target = value;
        }

        @Override
        public void progress(String task, long done, long total) {
            target.progress(task, done, total);
        }
    }
}
