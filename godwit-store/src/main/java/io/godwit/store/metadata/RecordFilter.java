package io.godwit.store.metadata;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * A checked {@code where} and {@code whereDocument} (Chroma's JSON filter objects), compiled to one
 * SQL condition over the metadata segment. {@link #parse} refuses a bad filter with one
 * {@link StoreException} of kind INVALID_ARGUMENT naming the place, the operator and the operand;
 * the compiled condition is then safe to run (every value is a bind parameter). Both filters
 * given: both must hold. The grammar and typing rules are in the README's "Filters" section.
 *
 * <p>The condition is written against the row {@code e} of {@code embeddings} (its {@code id} keys
 * {@code embedding_metadata}, {@code embedding_metadata_array} and {@code embedding_fulltext_search}'s
 * {@code rowid}). On SQLite, {@code $regex} runs inside SQL through a function every connection
 * must have: call {@link #registerFunctions} on each SQLite connection the store opens. On
 * PostgreSQL the SQL selects a superset and {@link #matchesDocument} decides on each selected row
 * (see {@link #needsDocumentCheck(boolean)}).
 */
public final class RecordFilter {
    private static final RecordFilter NONE = new RecordFilter(null, null);

    private final FilterNode where;
    private final FilterNode document;

    private RecordFilter(FilterNode where, FilterNode document) {
        this.where = where;
        this.document = document;
    }

    /** Parses and checks both filters; null or empty maps mean no filter. */
    public static RecordFilter parse(Map<String, Object> where, Map<String, Object> whereDocument) {
        FilterNode w = where == null || where.isEmpty() ? null : WhereParser.parse(where, "where");
        FilterNode d = whereDocument == null || whereDocument.isEmpty()
                ? null : WhereDocumentParser.parse(whereDocument, "whereDocument");
        return w == null && d == null ? NONE : new RecordFilter(w, d);
    }

    /**
     * Registers the SQL functions the compiled SQLite conditions call ({@code godwit_regexp} for
     * {@code $regex}) on one SQLite connection. Call it once on every SQLite connection the store
     * opens, before any filtered statement; PostgreSQL connections need nothing.
     */
    public static void registerFunctions(Connection sqliteConnection) {
        RegexFunction.register(sqliteConnection);
    }

    /** True when neither filter restricts anything. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /**
     * The SQL condition over {@code e}, with its bind values appended to {@code params} in order;
     * {@code "1=1"} when empty. {@code postgres} selects the PostgreSQL form.
     */
    public String sql(boolean postgres, List<Object> params) {
        if (where != null && document != null) {
            String w = SqlCompiler.compile(where, postgres, params);
            return "(" + w + " AND " + SqlCompiler.compile(document, postgres, params) + ")";
        }
        if (where != null || document != null) {
            return SqlCompiler.compile(where != null ? where : document, postgres, params);
        }
        return "1=1";
    }

    /**
     * Whether a record's document (null: it has none) passes the whereDocument filter, evaluated in
     * Java with RE2/J; true when there is no regular expression to decide (the SQL did it all).
     */
    public boolean matchesDocument(String document) {
        return !needsDocumentCheck() || DocumentMatcher.matches(this.document, document);
    }

    /**
     * Whether the SQL for this dialect leaves part of the filter to {@link #matchesDocument}: on
     * PostgreSQL when whereDocument holds {@code $regex}/{@code $not_regex}; never on SQLite (the
     * regular expression runs in SQL). The caller then reads each selected row's document, keeps
     * the rows that match, and applies limit and offset after that.
     */
    public boolean needsDocumentCheck(boolean postgres) {
        return postgres && needsDocumentCheck();
    }

    /** Whether whereDocument holds a regular expression (the dialect-independent form of {@link #needsDocumentCheck(boolean)}). */
    public boolean needsDocumentCheck() {
        return document != null && DocumentMatcher.hasRegex(document);
    }
}
