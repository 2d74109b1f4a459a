package io.godwit.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Chroma's filter objects in Java: {@code Where.and(Where.eq("genre", "poetry"),
 * Where.gte("year", 2000))} is {@code {"$and": [{"genre": {"$eq": "poetry"}}, {"year": {"$gte": 2000}}]}}.
 * The maps are what {@link GetRequest#where}, {@link QueryRequest#where} and {@link DeleteRequest}
 * take, exactly as Chroma's JSON (so a filter read from JSON is passed as it is). The grammar is
 * checked when the call runs, which refuses a bad filter naming the operator and operand.
 */
public final class Where {
    private Where() {
    }

    public static Map<String, Object> eq(String key, Object value) {
        return op(key, "$eq", value);
    }

    public static Map<String, Object> ne(String key, Object value) {
        return op(key, "$ne", value);
    }

    public static Map<String, Object> gt(String key, Number value) {
        return op(key, "$gt", value);
    }

    public static Map<String, Object> gte(String key, Number value) {
        return op(key, "$gte", value);
    }

    public static Map<String, Object> lt(String key, Number value) {
        return op(key, "$lt", value);
    }

    public static Map<String, Object> lte(String key, Number value) {
        return op(key, "$lte", value);
    }

    public static Map<String, Object> in(String key, List<?> values) {
        return op(key, "$in", values);
    }

    public static Map<String, Object> nin(String key, List<?> values) {
        return op(key, "$nin", values);
    }

    /** Array metadata holding {@code value}. */
    public static Map<String, Object> contains(String key, Object value) {
        return op(key, "$contains", value);
    }

    public static Map<String, Object> notContains(String key, Object value) {
        return op(key, "$not_contains", value);
    }

    @SafeVarargs
    public static Map<String, Object> and(Map<String, Object>... filters) {
        return Map.of("$and", List.of(filters));
    }

    @SafeVarargs
    public static Map<String, Object> or(Map<String, Object>... filters) {
        return Map.of("$or", List.of(filters));
    }

    /** Document filters: {@code {"$contains": text}}, also {@code $not_contains}, {@code $regex}, {@code $not_regex}. */
    public static Map<String, Object> document(String operator, String operand) {
        return Map.of(operator, operand);
    }

    private static Map<String, Object> op(String key, String operator, Object operand) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put(operator, operand);
        return Map.of(key, inner);
    }
}
