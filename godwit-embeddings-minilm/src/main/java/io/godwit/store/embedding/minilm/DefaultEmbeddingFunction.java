package io.godwit.store.embedding.minilm;

import io.godwit.ProgressListener;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.EmbeddingFunction;
import io.godwit.store.embedding.EmbeddingInputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Chroma's default embedding function: all-MiniLM-L6-v2, 384 dimensions, in process and offline,
 * the model file shipped by {@link ModelFiles#ARTIFACT}. Vectors match Chroma's default pipeline:
 * each text is cut at 256 tokens ({@code [CLS]} and {@code [SEP]} included; the rest of a longer
 * text is ignored, as Chroma does), token vectors are mean-pooled with the attention mask and the
 * result is L2-normalised. An empty text is embedded like any other (its [CLS] and [SEP] tokens).
 *
 * <p>Texts are embedded in batches of {@link Options#batchSize()}, each padded to its longest
 * text; a call of more than one batch cuts them from the texts ordered by length unless
 * {@link Options#sortByLength()} is off. The vectors depend on neither. Thread-safe: one instance
 * serves many threads. A call of more than one batch reports progress (task {@code embed}, texts
 * done of total) to {@link Options#progress()}. Close it to free the model's native memory.
 *
 * <pre>{@code
 * try (DefaultEmbeddingFunction ef = DefaultEmbeddingFunction.create()) {
 *     List<float[]> vectors = ef.embed(List.of("a godwit is a wading bird"));
 * }
 * }</pre>
 */
public final class DefaultEmbeddingFunction implements EmbeddingFunction<String>, AutoCloseable {

    /** The name Chroma records for its default function. */
    public static final String NAME = "default";
    public static final int DIMENSION = MiniLmModel.DIMENSION;
    public static final int MAX_TOKENS = MiniLmModel.MAX_TOKENS;

    /**
     * @param batchSize      texts per model call, at least 1 (Chroma's default: 32)
     * @param intraOpThreads ONNX Runtime threads per call; 0 lets ONNX Runtime choose (one per core)
     * @param sortByLength   whether a call of more than one batch cuts its batches from the texts
     *                       ordered by length, longest first, as sentence-transformers' encode does,
     *                       so that a batch pads its texts to a similar length (far fewer tokens to
     *                       compute); the vectors and their order are the same either way
     * @param progress       told after each batch of a call of more than one batch
     * @param files          where the model comes from
     */
    public record Options(int batchSize, int intraOpThreads, boolean sortByLength, ProgressListener progress,
                          ModelFiles files) {
        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
            }
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException("intraOpThreads must be 0 (automatic) or more, not " + intraOpThreads);
            }
            progress = progress == null ? ProgressListener.NONE : progress;
            files = files == null ? ModelFiles.bundled() : files;
        }

        public static Options defaults() {
            return new Options(32, 0, true, ProgressListener.NONE, ModelFiles.bundled());
        }

        public Options batchSize(int value) {
            return new Options(value, intraOpThreads, sortByLength, progress, files);
        }

        public Options intraOpThreads(int value) {
            return new Options(batchSize, value, sortByLength, progress, files);
        }

        public Options sortByLength(boolean value) {
            return new Options(batchSize, intraOpThreads, value, progress, files);
        }

        public Options progress(ProgressListener value) {
            return new Options(batchSize, intraOpThreads, sortByLength, value, files);
        }

        public Options files(ModelFiles value) {
            return new Options(batchSize, intraOpThreads, sortByLength, progress, value);
        }
    }

    private final Options options;
    private final MiniLmModel model;
    /** Calls hold the read lock, {@link #close()} the write lock: a call never runs on a freed model. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private DefaultEmbeddingFunction(Options options, MiniLmModel model) {
        this.options = options;
        this.model = model;
    }

    /** Loads the bundled model with the default options (about a second, 90 MB of native memory). */
    public static DefaultEmbeddingFunction create() {
        return create(Options.defaults());
    }

    public static DefaultEmbeddingFunction create(Options options) {
        return new DefaultEmbeddingFunction(options, MiniLmModel.load(options.files(), options.intraOpThreads()));
    }

    @Override
    public List<float[]> embed(List<String> input) {
        EmbeddingInputs.requireElements(input, NAME);
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StoreException(StoreException.Kind.INTERNAL,
                        "the default embedding function was closed; create another to embed");
            }
            return embedOpen(input);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Batch after batch, in {@link BatchOrder}'s order; each vector goes back to its text's place. */
    private List<float[]> embedOpen(List<String> input) {
        int size = options.batchSize();
        boolean report = input.size() > size;
        int[] order = report && options.sortByLength() ? BatchOrder.longestFirst(input) : BatchOrder.asGiven(input);
        float[][] vectors = new float[input.size()][];
        List<String> batch = new ArrayList<>(Math.min(size, input.size()));
        for (int from = 0; from < order.length; from += size) {
            int to = Math.min(order.length, from + size);
            batch.clear();
            for (int i = from; i < to; i++) {
                batch.add(input.get(order[i]));
            }
            float[][] made = model.embed(batch);
            for (int i = from; i < to; i++) {
                vectors[order[i]] = made[i - from];
            }
            if (report) {
                options.progress().progress("embed", to, input.size());
            }
        }
        return new ArrayList<>(Arrays.asList(vectors));
    }

    @Override
    public Class<?> inputType() {
        return String.class;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Empty, as Chroma records it: the name alone identifies the model and its pipeline. */
    @Override
    public Map<String, Object> config() {
        return Map.of();
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
