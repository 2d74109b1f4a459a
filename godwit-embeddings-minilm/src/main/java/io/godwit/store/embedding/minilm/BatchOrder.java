package io.godwit.store.embedding.minilm;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The order in which a call's texts are cut into batches. A batch is padded to its longest text,
 * so a batch of texts of similar length computes on fewer padding tokens; sentence-transformers'
 * {@code encode} orders by length (in characters, longest first) for that reason, and so does this.
 * The order is stable: texts of one length keep the order they were given in.
 */
final class BatchOrder {

    private BatchOrder() {
    }

    /** Indices of {@code texts}, as given. */
    static int[] asGiven(List<String> texts) {
        return IntStream.range(0, texts.size()).toArray();
    }

    /** Indices of {@code texts}, longest text first. */
    static int[] longestFirst(List<String> texts) {
        return IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed())
                .mapToInt(Integer::intValue).toArray();
    }
}
