package io.godwit.store;

import java.util.List;
import java.util.Map;

/**
 * The records of one add, upsert or update call, as Chroma's parallel lists: {@code ids} and, for
 * each field given, one element per id. A list left null means the field is not given (for update:
 * left unchanged); an element null means "none" for that record (no document, no uri, no metadata)
 * or, for update, "unchanged". Lists are copied by reference: do not change them during the call.
 *
 * <pre>{@code
 * collection.add(RecordBatch.of("a", "b")
 *     .embeddings(List.of(new float[] {1, 0}, new float[] {0, 1}))
 *     .documents(List.of("first", "second")));
 * }</pre>
 */
public record RecordBatch(List<String> ids, List<float[]> embeddings, List<String> documents,
                          List<Map<String, Object>> metadatas, List<String> uris) {

    public static RecordBatch of(List<String> ids) {
        return new RecordBatch(ids, null, null, null, null);
    }

    public static RecordBatch of(String... ids) {
        return of(List.of(ids));
    }

    public RecordBatch embeddings(List<float[]> value) {
        return new RecordBatch(ids, value, documents, metadatas, uris);
    }

    public RecordBatch documents(List<String> value) {
        return new RecordBatch(ids, embeddings, value, metadatas, uris);
    }

    public RecordBatch metadatas(List<Map<String, Object>> value) {
        return new RecordBatch(ids, embeddings, documents, value, uris);
    }

    public RecordBatch uris(List<String> value) {
        return new RecordBatch(ids, embeddings, documents, metadatas, value);
    }

    public int size() {
        return ids == null ? 0 : ids.size();
    }
}
