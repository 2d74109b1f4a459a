package io.godwit.store;

import java.util.List;
import java.util.Map;

/**
 * A delete by ids, by filters, or both (records must match all given). At least one must be given;
 * what an empty id list does follows Chroma.
 */
public record DeleteRequest(List<String> ids, Map<String, Object> where, Map<String, Object> whereDocument) {

    public static DeleteRequest ids(List<String> ids) {
        return new DeleteRequest(ids, null, null);
    }

    public static DeleteRequest ids(String... ids) {
        return ids(List.of(ids));
    }

    public static DeleteRequest where(Map<String, Object> where) {
        return new DeleteRequest(null, where, null);
    }

    public DeleteRequest andWhere(Map<String, Object> value) {
        return new DeleteRequest(ids, value, whereDocument);
    }

    public DeleteRequest andWhereDocument(Map<String, Object> value) {
        return new DeleteRequest(ids, where, value);
    }
}
