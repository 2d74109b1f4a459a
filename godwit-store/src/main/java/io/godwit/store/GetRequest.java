package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A get: records by ids and/or filters, a page of them, and what to include. Every field is
 * optional: {@code ids} null means any id; {@code where} / {@code whereDocument} null mean no filter
 * (they are Chroma's JSON filter objects, e.g. {@code {"year": {"$gte": 2000}}}, see {@link Where});
 * {@code limit} null means all; {@code include} null means {@link Include#getDefault()}. Records come
 * in insertion order (for ids: the order the records were added, not the order asked).
 */
public record GetRequest(List<String> ids, Map<String, Object> where, Map<String, Object> whereDocument,
                         Integer limit, int offset, Set<Include> include) {

    public static GetRequest all() {
        return new GetRequest(null, null, null, null, 0, null);
    }

    public static GetRequest ids(List<String> ids) {
        return all().withIds(ids);
    }

    public static GetRequest ids(String... ids) {
        return ids(List.of(ids));
    }

    public GetRequest withIds(List<String> value) {
        return new GetRequest(value, where, whereDocument, limit, offset, include);
    }

    public GetRequest where(Map<String, Object> value) {
        return new GetRequest(ids, value, whereDocument, limit, offset, include);
    }

    public GetRequest whereDocument(Map<String, Object> value) {
        return new GetRequest(ids, where, value, limit, offset, include);
    }

    public GetRequest limit(Integer value) {
        return new GetRequest(ids, where, whereDocument, value, offset, include);
    }

    public GetRequest offset(int value) {
        return new GetRequest(ids, where, whereDocument, limit, value, include);
    }

    public GetRequest include(Set<Include> value) {
        return new GetRequest(ids, where, whereDocument, limit, offset, value);
    }

    public GetRequest include(Include... value) {
        return include(Set.of(value));
    }
}
