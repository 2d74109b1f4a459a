package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** The body of {@code query}: {@code {query_embeddings, n_results}}; {@code n_results} is 10 when absent (Chroma's default). */
record QueryRequest(List<float[]> queries, int nResults) {
    static final int DEFAULT_RESULTS = 10;

    static QueryRequest parse(JsonNode body) {
        Integer n = JsonFields.positiveInt(body, "n_results");
        return new QueryRequest(JsonFields.vectors(body, "query_embeddings"), n == null ? DEFAULT_RESULTS : n);
    }

    /** Every query vector has the collection's dimension, when it has one. */
    void checkDimension(String collection, Optional<Integer> dimension) {
        for (int i = 0; i < queries.size(); i++) {
            AddRequest.checkLength(collection, dimension, queries.get(i), "query_embeddings[" + i + "]");
        }
    }
}
