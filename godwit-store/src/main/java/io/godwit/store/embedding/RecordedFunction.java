package io.godwit.store.embedding;

import io.godwit.store.StoreException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The check made when a collection is opened with an embedding function: the function's
 * descriptor must be the one the collection recorded when it was created (same name, same config),
 * since vectors made by different functions are not comparable and a query would silently answer
 * nonsense. A collection that records none, or Chroma's {@code {"type": "legacy"}} (a function
 * Chroma could not describe), takes any function, as Chroma does.
 */
public final class RecordedFunction {

    /** The option that lets a caller open a collection with a different function on purpose. */
    public static final String OVERRIDE = "allowOtherEmbeddingFunction";

    private RecordedFunction() {
    }

    /**
     * Returns normally when {@code function} may serve the collection; otherwise refuses
     * (INVALID_ARGUMENT) naming the collection, both functions and how to override.
     *
     * @param recorded the collection's {@code configuration.embedding_function}, or null
     * @param function the function the caller opens it with, or null (then nothing is checked)
     */
    public static void check(String collection, Map<String, Object> recorded, EmbeddingFunction<?> function) {
        if (function == null || recorded == null || !"known".equals(recorded.get("type"))) {
            return;
        }
        Object config = recorded.get("config") == null ? Map.of() : recorded.get("config");
        if (Objects.equals(recorded.get("name"), function.name()) && sameJson(config, function.config())) {
            return;
        }
        throw StoreException.invalid("collection '" + collection + "' was made with the embedding function "
                + describe(recorded.get("name"), config) + ", not " + describe(function.name(), function.config())
                + ": vectors of different functions do not compare. Open it with the function it records, or set "
                + OVERRIDE + " to use another one on purpose (the recorded function stays as it is)");
    }

    /** Equal as JSON values: numbers by value (a stored 4 may read back as Long or Double), maps, lists. */
    static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> sameJson(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String describe(Object name, Object config) {
        return "'" + name + "' (config " + config + ")";
    }
}
