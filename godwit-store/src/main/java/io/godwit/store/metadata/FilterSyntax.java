package io.godwit.store.metadata;

import io.godwit.store.StoreException;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the {@code where} and {@code whereDocument} parsers share: the one-key object rule, the
 * {@code $and}/{@code $or} lists, and errors that name the place in the filter
 * ({@code where.$and[1].year}), what is wrong there and what would be right.
 */
final class FilterSyntax {
    private FilterSyntax() {
    }

    static StoreException fail(String path, String message) {
        return StoreException.invalid("Invalid filter at " + path + ": " + message);
    }

    /** The single entry of a filter object, refusing anything that is not an object of exactly one key. */
    static Map.Entry<String, Object> single(Object node, String path, String example) {
        if (!(node instanceof Map<?, ?> map)) {
            throw fail(path, "expected an object such as " + example + ", got " + FilterValue.describe(node));
        }
        if (map.isEmpty()) {
            throw fail(path, "the object is empty; name one key or operator, such as " + example);
        }
        if (map.size() > 1) {
            throw fail(path, "the object has " + map.size() + " keys " + keys(map)
                    + " but a filter object holds exactly one; combine several with {\"$and\": [...]}");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        if (!(entry.getKey() instanceof String key)) {
            throw fail(path, "keys must be strings, got " + entry.getKey());
        }
        return new AbstractMap.SimpleImmutableEntry<>(key, entry.getValue());
    }

    /** The children of {@code $and} or {@code $or}, each parsed by {@code child} at its own path; any count, as Chroma accepts. */
    static FilterNode composite(String operator, Object operand, String path,
                                BiFunction<Object, String, FilterNode> child) {
        if (!(operand instanceof List<?> list)) {
            throw fail(path, operator + " takes a list of filters, got " + FilterValue.describe(operand));
        }
        List<FilterNode> children = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            children.add(child.apply(list.get(i), path + "." + operator + "[" + i + "]"));
        }
        return new FilterNode.Composite("$and".equals(operator), List.copyOf(children));
    }

    static boolean isComposite(String key) {
        return "$and".equals(key) || "$or".equals(key);
    }

    private static String keys(Map<?, ?> map) {
        StringBuilder sb = new StringBuilder("(");
        for (Object k : map.keySet()) {
            sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append('"');
        }
        return sb.append(')').toString();
    }
}
