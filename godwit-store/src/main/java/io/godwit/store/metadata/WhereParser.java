package io.godwit.store.metadata;

import io.godwit.store.metadata.FilterNode.Comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.godwit.store.metadata.FilterSyntax.fail;

/**
 * Parses a {@code where} filter with Chroma's typing: {@code {"key": value}} is {@code $eq};
 * {@code $eq}/{@code $ne} take any scalar; {@code $gt $gte $lt $lte} a number; {@code $in}/{@code $nin}
 * a non-empty list of one type (integers and floats count as one: numbers); {@code $contains}/
 * {@code $not_contains} a scalar, looked for in array metadata; {@code $and}/{@code $or} lists.
 * Keys starting with {@code $} or {@code #} are refused (Chroma reserves both).
 */
final class WhereParser {
    private static final String EXAMPLE = "{\"genre\": \"poetry\"} or {\"year\": {\"$gte\": 2000}}";
    private static final String OPERATORS = "$eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $contains, $not_contains";

    private WhereParser() {
    }

    static FilterNode parse(Object where, String path) {
        Map.Entry<String, Object> entry = FilterSyntax.single(where, path, EXAMPLE);
        String key = entry.getKey();
        if (FilterSyntax.isComposite(key)) {
            return FilterSyntax.composite(key, entry.getValue(), path, WhereParser::parse);
        }
        String at = path + "." + key;
        if (key.startsWith("$")) {
            throw fail(path, "\"" + key + "\" is not a logical operator ($and, $or); a comparison goes inside a key,"
                    + " as in {\"year\": {\"$gt\": 2000}}, and metadata keys cannot start with '$'");
        }
        if (key.startsWith("#")) {
            throw fail(path, "metadata keys cannot start with '#' (\"" + key + "\"); Chroma reserves them"
                    + " (filter documents with whereDocument)");
        }
        Object value = entry.getValue();
        if (value instanceof Map<?, ?>) {
            Map.Entry<String, Object> op = FilterSyntax.single(value, at, "{\"$eq\": 5}");
            return operator(key, op.getKey(), op.getValue(), at);
        }
        return new FilterNode.Compare(key, Comparison.EQ, scalar("{\"" + key + "\": value}", value, at));
    }

    private static FilterNode operator(String key, String operator, Object operand, String at) {
        switch (operator) {
            case "$in", "$nin":
                return new FilterNode.Member(key, "$nin".equals(operator), members(operator, operand, at));
            case "$contains", "$not_contains":
                return new FilterNode.ArrayContains(key, "$not_contains".equals(operator), scalar(operator, operand, at));
            case "$regex", "$not_regex":
                throw fail(at, operator + " applies to documents only: pass it in whereDocument, as in {\""
                        + operator + "\": \"^The\"}");
            default:
                return compare(key, operator, operand, at);
        }
    }

    private static FilterNode compare(String key, String operator, Object operand, String at) {
        for (Comparison c : Comparison.values()) {
            if (c.operator.equals(operator)) {
                FilterValue value = scalar(operator, operand, at);
                if (c.ordering() && !value.isNumber()) {
                    throw fail(at, operator + " compares numbers only, got " + FilterValue.describe(operand)
                            + "; use $eq or $ne for strings and booleans");
                }
                return new FilterNode.Compare(key, c, value);
            }
        }
        throw fail(at, "unknown operator \"" + operator + "\"; the operators on a metadata key are " + OPERATORS);
    }

    private static FilterValue scalar(String operator, Object operand, String at) {
        FilterValue value = FilterValue.of(operand);
        if (value == null) {
            String hint = operand instanceof List<?> ? "; to match any of several values use {\"$in\": [...]}" : "";
            throw fail(at, operator + " takes a string, integer, float or boolean, got "
                    + FilterValue.describe(operand) + hint);
        }
        return value;
    }

    private static List<FilterValue> members(String operator, Object operand, String at) {
        if (!(operand instanceof List<?> list) || list.isEmpty()) {
            throw fail(at, operator + " takes a non-empty list of values of one type, got " + FilterValue.describe(operand));
        }
        List<FilterValue> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            FilterValue v = scalar(operator + "[" + i + "]", list.get(i), at);
            FilterValue first = values.isEmpty() ? v : values.get(0);
            if (v.type() != first.type() && !(v.isNumber() && first.isNumber())) {
                throw fail(at, operator + " takes values of one type, but element 0 is " + first.type().article
                        + " and element " + i + " is " + FilterValue.describe(list.get(i)));
            }
            values.add(v);
        }
        return List.copyOf(values);
    }
}
