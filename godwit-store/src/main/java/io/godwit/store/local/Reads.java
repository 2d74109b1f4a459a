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
            CollectionRow row = Current.collection(c, handle);
            List<Long> rows = RecordRows.select(c, store.postgres(), row, request.ids(), filter, request.limit(),
                    request.offset());
            Map<Long, RecordRows.Loaded> loaded = RecordRows.load(c, rows, include);
            return result(rows, loaded, include);
        });
    }

    static long count(Store store, CollectionRow handle) {
        return store.connections().read("count collection '" + handle.name() + "'",
                c -> Current.count(c, Current.collection(c, handle)));
    }

    static GetResult result(List<Long> rows, Map<Long, RecordRows.Loaded> loaded, Set<Include> include) {
        List<String> ids = new ArrayList<>(rows.size());
        List<float[]> embeddings = include.contains(Include.EMBEDDINGS) ? new ArrayList<>() : null;
        List<String> documents = include.contains(Include.DOCUMENTS) ? new ArrayList<>() : null;
        List<Map<String, Object>> metadatas = include.contains(Include.METADATAS) ? new ArrayList<>() : null;
        List<String> uris = include.contains(Include.URIS) ? new ArrayList<>() : null;
        for (long r : rows) {
            RecordRows.Loaded l = loaded.get(r);
            ids.add(l.id());
            add(embeddings, l.embedding());
            add(documents, l.document());
            add(metadatas, l.metadata());
            add(uris, l.uri());
        }
        return new GetResult(Collections.unmodifiableList(ids), embeddings, documents, metadatas, uris, include);
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
