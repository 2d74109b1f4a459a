package io.godwit.store.embedding;

import java.util.List;
import java.util.Map;

/**
 * Turns inputs of type {@code D} (texts, images, anything) into vectors, as Chroma's generic
 * {@code EmbeddingFunction[D]}. A collection records which function made its vectors through
 * {@link #descriptor()} (Chroma's {@code {"type": "known", "name": ..., "config": {...}}}), so that
 * opening it with another function can be refused.
 *
 * <p>Implementations are thread-safe. {@link #embed} returns one vector per input, in order, all of
 * one dimension; a null input is refused with a message naming its position.
 */
public interface EmbeddingFunction<D> {

    List<float[]> embed(List<D> input);

    /** The function's name as Chroma records it ({@code default} for all-MiniLM-L6-v2). */
    String name();

    /** What, besides the name, identifies the vectors it makes (model, dimension, options); JSON-like values. */
    Map<String, Object> config();

    /**
     * The type of input it takes ({@code String} for texts, {@code BufferedImage} for images), so that
     * a collection can refuse an input of another type with a clear message before embedding;
     * {@code Object} (the default) accepts anything.
     */
    default Class<?> inputType() {
        return Object.class;
    }

    /** The descriptor a collection stores: {@code {"type": "known", "name": name(), "config": config()}}. */
    default Map<String, Object> descriptor() {
        return Map.of("type", "known", "name", name(), "config", config());
    }
}
