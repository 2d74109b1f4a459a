package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A nearest-neighbour query: one or many query embeddings, the {@code nResults} nearest of each
 * (default 10, at least 1), optionally restricted to {@code ids} and/or filters (see
 * {@link GetRequest}), and what to include (null: {@link Include#queryDefault()}).
 * {@code queryTexts} (any input the collection's embedding function takes) may stand in for
 * {@code queryEmbeddings}.
 */
public record QueryRequest(List<float[]> queryEmbeddings, List<?> queryTexts, int nResults, List<String> ids,
                           Map<String, Object> where, Map<String, Object> whereDocument, Set<Include> include) {

    public static final int DEFAULT_N_RESULTS = 10;

    public static QueryRequest embeddings(List<float[]> queryEmbeddings) {
        return new QueryRequest(queryEmbeddings, null, DEFAULT_N_RESULTS, null, null, null, null);
    }

    public static QueryRequest embedding(float[] queryEmbedding) {
        return embeddings(List.of(queryEmbedding));
    }

    /** A query by inputs for the collection's embedding function (texts for the default one). */
    public static QueryRequest texts(List<?> queryTexts) {
        return new QueryRequest(null, queryTexts, DEFAULT_N_RESULTS, null, null, null, null);
    }

    /** The same as {@link #texts}, for inputs that are not texts (images for an image function). */
    public static QueryRequest inputs(List<?> queryInputs) {
        return texts(queryInputs);
    }

    public QueryRequest nResults(int value) {
        return new QueryRequest(queryEmbeddings, queryTexts, value, ids, where, whereDocument, include);
    }

    public QueryRequest ids(List<String> value) {
        return new QueryRequest(queryEmbeddings, queryTexts, nResults, value, where, whereDocument, include);
    }

    public QueryRequest where(Map<String, Object> value) {
        return new QueryRequest(queryEmbeddings, queryTexts, nResults, ids, value, whereDocument, include);
    }

    public QueryRequest whereDocument(Map<String, Object> value) {
        return new QueryRequest(queryEmbeddings, queryTexts, nResults, ids, where, value, include);
    }

    public QueryRequest include(Set<Include> value) {
        return new QueryRequest(queryEmbeddings, queryTexts, nResults, ids, where, whereDocument, value);
    }

    public QueryRequest include(Include... value) {
        return include(Set.of(value));
    }
}
