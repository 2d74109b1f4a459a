package io.godwit.store.local;

import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.StoreException;
import io.godwit.store.metadata.RecordFilter;
import io.godwit.store.vector.VectorSegment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * query: in one read snapshot, the metadata segment chooses the candidates (when ids or filters are
 * given), the vector segment finds each query's nearest, and the answer is loaded for them.
 */
final class Queries {
    private Queries() {
    }

    static QueryResult query(Store store, CollectionRow handle, QueryRequest request, List<float[]> queries) {
        String where = "query of collection '" + handle.name() + "'";
        if (request.nResults() <= 0) {
            throw StoreException.invalid(where + ": nResults must be at least 1, got " + request.nResults());
        }
        if (queries.isEmpty()) {
            throw StoreException.invalid(where + ": query embeddings is empty; give at least one");
        }
        Integer dimension = null;
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i) == null) {
                throw StoreException.invalid(where + ": query embedding " + i + " is null");
            }
            dimension = CheckedBatch.vector(where + ": query embedding " + i, queries.get(i), dimension);
        }
        Reads.checkIds("query", request.ids());
        Set<Include> include = Reads.include(request.include(), Include.queryDefault());
        RecordFilter filter = RecordFilter.parse(request.where(), request.whereDocument());
        int queryDimension = dimension;
        return store.connections().read(where, c -> {
            CollectionRow row = Current.collection(c, handle);
            if (row.dimension() != null && row.dimension() != queryDimension) {
                throw StoreException.invalid("Collection expecting embedding with dimension of " + row.dimension() + ", got "
                        + queryDimension + " (" + where + ")");
            }
            long[] candidates = null;
            if (request.ids() != null || !filter.isEmpty()) {
                candidates = RecordRows.select(c, store.postgres(), row, request.ids(), filter, null, 0).stream()
                        .mapToLong(Long::longValue).toArray();
            }
            List<List<VectorSegment.Neighbour>> found = row.dimension() == null || (candidates != null && candidates.length == 0)
                    ? empty(queries.size())
                    : store.vectors(row, StoreEpoch.current(c)).search(c, queries, request.nResults(), candidates);
            Set<Long> all = new HashSet<>();
            found.forEach(list -> list.forEach(n -> all.add(n.recordRow())));
            Map<Long, RecordRows.Loaded> loaded = RecordRows.load(c, new ArrayList<>(all), include);
            return result(visible(found, loaded), loaded, include);
        });
    }

    /**
     * The neighbours this call's snapshot holds: the segment is shared by concurrent queries and may
     * already hold a record written after this call's snapshot began, which this call must not name.
     */
    private static List<List<VectorSegment.Neighbour>> visible(List<List<VectorSegment.Neighbour>> found,
                                                               Map<Long, RecordRows.Loaded> loaded) {
        List<List<VectorSegment.Neighbour>> out = new ArrayList<>(found.size());
        for (List<VectorSegment.Neighbour> list : found) {
            out.add(list.stream().filter(n -> loaded.containsKey(n.recordRow())).toList());
        }
        return out;
    }

    private static List<List<VectorSegment.Neighbour>> empty(int n) {
        List<List<VectorSegment.Neighbour>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(List.of());
        }
        return out;
    }

    private static QueryResult result(List<List<VectorSegment.Neighbour>> found, Map<Long, RecordRows.Loaded> loaded,
                                      Set<Include> include) {
        List<List<String>> ids = new ArrayList<>();
        List<List<float[]>> embeddings = include.contains(Include.EMBEDDINGS) ? new ArrayList<>() : null;
        List<List<String>> documents = include.contains(Include.DOCUMENTS) ? new ArrayList<>() : null;
        List<List<Map<String, Object>>> metadatas = include.contains(Include.METADATAS) ? new ArrayList<>() : null;
        List<List<String>> uris = include.contains(Include.URIS) ? new ArrayList<>() : null;
        List<List<Float>> distances = include.contains(Include.DISTANCES) ? new ArrayList<>() : null;
        for (List<VectorSegment.Neighbour> list : found) {
            List<Long> rows = list.stream().map(VectorSegment.Neighbour::recordRow).toList();
            var one = Reads.result(rows, loaded, include);
            ids.add(one.ids());
            addIf(embeddings, one.embeddings());
            addIf(documents, one.documents());
            addIf(metadatas, one.metadatas());
            addIf(uris, one.uris());
            addIf(distances, list.stream().map(VectorSegment.Neighbour::distance).toList());
        }
        return new QueryResult(ids, embeddings, documents, metadatas, uris, distances, include);
    }

    private static <T> void addIf(List<T> list, T value) {
        if (list != null) {
            list.add(value);
        }
    }
}
