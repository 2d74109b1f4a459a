package io.godwit.store.local;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.StoreException;
import io.godwit.store.metadata.RecordFilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** get, peek and count: one read snapshot each. */
final class Reads {
    private Reads() {
    }

    static GetResult get(Store store, CollectionRow handle, GetRequest request) {
        Names.required("get request", request);
        Paging.check(request.limit(), request.offset());
        checkIds("get", request.ids());
        Set<Include> include = include(request.include(), Include.getDefault());
        RecordFilter filter = RecordFilter.parse(request.where(), request.whereDocument());
        return store.connections().read("get from collection '" + handle.name() + "'", c -> {
            Current.exists(c, handle);
            return result(RecordRows.get(c, store.postgres(), handle.metadataSegment(), request.ids(), filter,
                    request.limit(), request.offset(), include), include);
        });
    }

    static long count(Store store, CollectionRow handle) {
        return store.connections().read("count collection '" + handle.name() + "'", c -> Current.count(c, handle));
    }

    private static GetResult result(List<RecordRows.Loaded> records, Set<Include> include) {
        List<String> ids = new ArrayList<>(records.size());
        List<float[]> embeddings = include.contains(Include.EMBEDDINGS) ? new ArrayList<>(records.size()) : null;
        List<String> documents = include.contains(Include.DOCUMENTS) ? new ArrayList<>(records.size()) : null;
        List<Map<String, Object>> metadatas = include.contains(Include.METADATAS) ? new ArrayList<>(records.size()) : null;
        List<String> uris = include.contains(Include.URIS) ? new ArrayList<>(records.size()) : null;
        for (RecordRows.Loaded l : records) {
            ids.add(l.id());
            add(embeddings, l.embedding());
            add(documents, l.document());
            add(metadatas, l.metadata());
            add(uris, l.uri());
        }
        return new GetResult(Collections.unmodifiableList(ids), embeddings, documents, metadatas, uris, include);
    }

    /** A query's answer for one query vector: the loaded records of {@code rows}, in that order. */
    static GetResult result(List<Long> rows, Map<Long, RecordRows.Loaded> loaded, Set<Include> include) {
        List<RecordRows.Loaded> records = new ArrayList<>(rows.size());
        for (long r : rows) {
            records.add(loaded.get(r));
        }
        return result(records, include);
    }

    private static <T> void add(List<T> list, T value) {
        if (list != null) {
            list.add(value);
        }
    }

    /** The include asked for, or the default; an immutable copy. */
    static Set<Include> include(Set<Include> asked, Set<Include> otherwise) {
        if (asked == null) {
            return Collections.unmodifiableSet(otherwise);
        }
        if (asked.stream().anyMatch(java.util.Objects::isNull)) {
            throw StoreException.invalid("include: null is not a value; use embeddings, documents, metadatas, uris, distances");
        }
        return Collections.unmodifiableSet(asked.isEmpty() ? EnumSet.noneOf(Include.class) : EnumSet.copyOf(asked));
    }

    static void checkIds(String call, List<String> ids) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw StoreException.invalid(call + ": ids[" + i + "] is null");
            }
        }
    }
}
