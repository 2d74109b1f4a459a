package io.godwit.store.metadata;

import io.godwit.store.metadata.FilterNode.ArrayContains;
import io.godwit.store.metadata.FilterNode.Compare;
import io.godwit.store.metadata.FilterNode.Comparison;
import io.godwit.store.metadata.FilterNode.Composite;
import io.godwit.store.metadata.FilterNode.Document;
import io.godwit.store.metadata.FilterNode.Member;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a filter tree to one SQL condition over the {@code embeddings} row {@code e}, every value
 * a bind parameter. Each leaf is {@code e.id [NOT] IN (subquery)} on one table, as Chroma's metadata
 * segment does, so the {@code (key, value)} indexes and the full-text index serve the subqueries
 * and a negated leaf also holds for a record that lacks the key or the document.
 *
 * <p>Numbers compare by value across the two numeric columns ({@code int_value}, {@code float_value}),
 * each in its own indexed branch of a UNION. {@code $regex} is the SQL function
 * {@link RegexFunction#NAME} on SQLite; on PostgreSQL it compiles to TRUE (a superset) and
 * {@link DocumentMatcher} decides on the selected rows.
 */
final class SqlCompiler {
    private final boolean postgres;
    private final List<Object> params;

    private SqlCompiler(boolean postgres, List<Object> params) {
        this.postgres = postgres;
        this.params = params;
    }

    static String compile(FilterNode node, boolean postgres, List<Object> params) {
        return new SqlCompiler(postgres, params).node(node);
    }

    private String node(FilterNode node) {
        if (node instanceof Composite c) {
            return composite(c);
        }
        if (node instanceof Compare c) {
            return compare(c);
        }
        if (node instanceof Member m) {
            return member(m);
        }
        if (node instanceof ArrayContains a) {
            return arrayContains(a);
        }
        return document((Document) node);
    }

    private String composite(Composite c) {
        if (c.children().isEmpty()) {
            return c.and() ? "1=1" : "1=0";
        }
        List<String> parts = new ArrayList<>();
        for (FilterNode child : c.children()) {
            parts.add(node(child));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(c.and() ? " AND " : " OR ", parts) + ")";
    }

    private String compare(Compare c) {
        String op = c.op().sql;
        String ids = c.value().isNumber()
                ? numeric("embedding_metadata", c.key(), " " + op + " ?", List.of(c.value()))
                : typed("embedding_metadata", c.key(), column(c.value()) + " " + op + " ?", List.of(c.value()));
        return (c.op() == Comparison.NE ? "e.id NOT IN (" : "e.id IN (") + ids + ")";
    }

    private String member(Member m) {
        String in = " IN (" + "?, ".repeat(m.values().size() - 1) + "?)";
        FilterValue first = m.values().get(0);
        String ids = first.isNumber()
                ? numeric("embedding_metadata", m.key(), in, m.values())
                : typed("embedding_metadata", m.key(), column(first) + in, m.values());
        return (m.negated() ? "e.id NOT IN (" : "e.id IN (") + ids + ")";
    }

    private String arrayContains(ArrayContains a) {
        String ids = a.value().isNumber()
                ? numeric("embedding_metadata_array", a.key(), " = ?", List.of(a.value()))
                : typed("embedding_metadata_array", a.key(), column(a.value()) + " = ?", List.of(a.value()));
        return (a.negated() ? "e.id NOT IN (" : "e.id IN (") + ids + ")";
    }

    /** Ids whose value under {@code key} satisfies {@code condition} on one typed column. */
    private String typed(String table, String key, String condition, List<FilterValue> values) {
        params.add(key);
        values.forEach(v -> params.add(bind(v)));
        return "SELECT id FROM " + table + " WHERE key = ? AND " + condition;
    }

    /** Ids whose integer or float value under {@code key} satisfies {@code tail} ({@code " > ?"}, {@code " IN (?, ?)"}). */
    private String numeric(String table, String key, String tail, List<FilterValue> values) {
        return typed(table, key, "int_value" + tail, values) + " UNION " + typed(table, key, "float_value" + tail, values);
    }

    private String document(Document d) {
        String ids = switch (d.op()) {
            case CONTAINS, NOT_CONTAINS -> contains(d.pattern());
            case REGEX, NOT_REGEX -> {
                if (postgres) {
                    yield null;
                }
                params.add(d.pattern());
                yield "SELECT rowid FROM embedding_fulltext_search WHERE " + RegexFunction.NAME + "(?, string_value)";
            }
        };
        if (ids == null) {
            return "1=1";
        }
        return (d.op().negated ? "e.id NOT IN (" : "e.id IN (") + ids + ")";
    }

    /**
     * A case-sensitive substring, as Chroma's (it runs SQLite with case_sensitive_like). SQLite: a
     * LIKE the trigram FTS5 index answers (case-insensitive, wildcards left in: a superset, scanned
     * when under 3 characters) narrowed by instr(), which is exact. PostgreSQL: LIKE with the
     * wildcards escaped, which is exact and case-sensitive there.
     */
    private String contains(String pattern) {
        if (postgres) {
            params.add("%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return "SELECT rowid FROM embedding_fulltext_search WHERE string_value LIKE ?";
        }
        params.add("%" + pattern + "%");
        params.add(pattern);
        return "SELECT rowid FROM embedding_fulltext_search WHERE string_value LIKE ? AND instr(string_value, ?) > 0";
    }

    private static String column(FilterValue v) {
        return switch (v.type()) {
            case STRING -> "string_value";
            case BOOL -> "bool_value";
            case INT -> "int_value";
            case FLOAT -> "float_value";
        };
    }

    /** SQLite keeps booleans as 0/1 integers; PostgreSQL has a boolean column. */
    private Object bind(FilterValue v) {
        if (v.type() == FilterValue.Type.BOOL && !postgres) {
            return (Boolean) v.value() ? 1 : 0;
        }
        return v.value();
    }
}
