package io.godwit.store.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One operand of a metadata filter, typed as Chroma types it: a string, a 64-bit integer, a
 * float (a JSON number with a fraction or exponent, {@code 5.0} included) or a boolean. Integers
 * and floats are both numbers: they compare with each other by value.
 */
record FilterValue(Type type, Object value) {

    enum Type {
        STRING("a string"), INT("an integer"), FLOAT("a float"), BOOL("a boolean");

        final String article;

        Type(String article) {
            this.article = article;
        }
    }

    boolean isNumber() {
        return type == Type.INT || type == Type.FLOAT;
    }

    /**
     * The operand {@code raw} as Chroma reads it from JSON, or null when it is not a scalar
     * (null, a list, an object, an integer beyond 64 bits, a non-finite float).
     */
    static FilterValue of(Object raw) {
        if (raw instanceof String s) {
            return new FilterValue(Type.STRING, s);
        }
        if (raw instanceof Boolean b) {
            return new FilterValue(Type.BOOL, b);
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return new FilterValue(Type.INT, ((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) {
            return big.bitLength() < 64 ? new FilterValue(Type.INT, big.longValue()) : null;
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? new FilterValue(Type.FLOAT, d) : null;
        }
        return null;
    }

    /** How a message names any JSON value: {@code the string "a"}, {@code the integer 5}, {@code a list}. */
    static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        if (raw instanceof java.util.List<?> list) {
            return list.isEmpty() ? "an empty list" : "a list";
        }
        FilterValue v = of(raw);
        if (v == null) {
            return raw instanceof Number ? "the number " + raw + " (out of range: integers are 64-bit, floats finite)"
                    : "a " + raw.getClass().getSimpleName();
        }
        String text = v.type == Type.STRING ? "\"" + v.value + "\"" : String.valueOf(v.value);
        return v.type.article.replaceFirst("^an? ", "the ") + " " + text;
    }
}
