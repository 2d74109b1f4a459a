package io.godwit.store.metadata;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * A parsed, checked filter: the tree {@link WhereParser} and {@link WhereDocumentParser} build from
 * Chroma's JSON and {@link SqlCompiler} and {@link DocumentMatcher} evaluate. Every node is valid
 * by construction; nothing here throws.
 */
sealed interface FilterNode {

    /** {@code $and} (all children hold; none: true) or {@code $or} (one holds; none: false). */
    record Composite(boolean and, List<FilterNode> children) implements FilterNode {
    }

    /** A comparison of a scalar metadata value; {@code $ne} also holds when the key is absent. */
    record Compare(String key, Comparison op, FilterValue value) implements FilterNode {
    }

    /** {@code $in} / {@code $nin} (negated; it also holds when the key is absent). Values are one type, or all numbers. */
    record Member(String key, boolean negated, List<FilterValue> values) implements FilterNode {
    }

    /** {@code $contains} / {@code $not_contains} (negated) on an array metadata value: one element equals the value. */
    record ArrayContains(String key, boolean negated, FilterValue value) implements FilterNode {
    }

    /** A whereDocument leaf; {@code regex} is the compiled pattern of {@code $regex} and {@code $not_regex}. */
    record Document(DocumentOperator op, String pattern, Pattern regex) implements FilterNode {
    }

    enum Comparison {
        EQ("$eq", "="), NE("$ne", "="), GT("$gt", ">"), GTE("$gte", ">="), LT("$lt", "<"), LTE("$lte", "<=");

        final String operator;
        /** The SQL operator of the positive form ({@code $ne} is compiled as NOT of {@code =}). */
        final String sql;

        Comparison(String operator, String sql) {
            this.operator = operator;
            this.sql = sql;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    enum DocumentOperator {
        CONTAINS("$contains", false), NOT_CONTAINS("$not_contains", true),
        REGEX("$regex", false), NOT_REGEX("$not_regex", true);

        final String operator;
        /** Negated operators also hold for a record without a document. */
        final boolean negated;

        DocumentOperator(String operator, boolean negated) {
            this.operator = operator;
            this.negated = negated;
        }

        boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }
    }
}
