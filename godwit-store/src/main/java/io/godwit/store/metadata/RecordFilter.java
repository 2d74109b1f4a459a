package io.godwit.store.metadata;

import io.godwit.store.StoreException;

import java.util.List;
import java.util.Map;

/**
 * A checked {@code where} and {@code whereDocument} (Chroma's JSON filter objects), compiled to one
 * SQL condition over the metadata segment. {@link #parse} refuses a bad filter with one
 * {@link StoreException} of kind INVALID_ARGUMENT naming the operator and operand; the compiled
 * condition is then safe to run (every value is a bind parameter).
 *
 * <p>The condition is written against the row {@code e} of {@code embeddings} (its {@code id} keys
 * {@code embedding_metadata}, {@code embedding_metadata_array} and {@code embedding_fulltext_search}'s
 * {@code rowid}). A pattern SQL cannot evaluate ({@code $regex} through RE2/J) is evaluated by
 * {@link #matchesDocument} on the rows the condition selects.
 */
public final class RecordFilter {
    private static final RecordFilter NONE = new RecordFilter();

    private RecordFilter() {
    }

    /** Parses and checks both filters; null or empty maps mean no filter. */
    public static RecordFilter parse(Map<String, Object> where, Map<String, Object> whereDocument) {
        if ((where == null || where.isEmpty()) && (whereDocument == null || whereDocument.isEmpty())) {
            return NONE;
        }
        throw StoreException.invalid("where and where_document filters are not supported yet");
    }

    /** True when neither filter restricts anything. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /**
     * The SQL condition over {@code e}, with its bind values appended to {@code params} in order;
     * {@code "1=1"} when empty. {@code postgres} selects the PostgreSQL form (tsvector/ILIKE instead of FTS5).
     */
    public String sql(boolean postgres, List<Object> params) {
        return "1=1";
    }

    /** Whether a document passes the parts SQL could not evaluate (regular expressions); true when there are none. */
    public boolean matchesDocument(String document) {
        return true;
    }

    /** Whether {@link #matchesDocument} must be called on each selected row (the caller then also reads the document). */
    public boolean needsDocumentCheck() {
        return false;
    }
}
