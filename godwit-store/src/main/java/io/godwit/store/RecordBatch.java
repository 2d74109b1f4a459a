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
 * images.add(RecordBatch.of("sunset").inputs(List.of(image)).uris(List.of("file:///photos/sunset.png")));
 * }</pre>
 */
public record RecordBatch(List<String> ids, List<float[]> embeddings, List<String> documents,
                          List<Map<String, Object>> metadatas, List<String> uris, List<?> inputs) {

    /** The batch without {@code inputs}, as Chroma's fields alone. */
    public RecordBatch(List<String> ids, List<float[]> embeddings, List<String> documents,
                       List<Map<String, Object>> metadatas, List<String> uris) {
        this(ids, embeddings, documents, metadatas, uris, null);
    }

    public static RecordBatch of(List<String> ids) {
        return new RecordBatch(ids, null, null, null, null, null);
    }

    public static RecordBatch of(String... ids) {
        return of(List.of(ids));
    }

    public RecordBatch embeddings(List<float[]> value) {
        return new RecordBatch(ids, value, documents, metadatas, uris, inputs);
    }

    public RecordBatch documents(List<String> value) {
        return new RecordBatch(ids, embeddings, value, metadatas, uris, inputs);
    }

    public RecordBatch metadatas(List<Map<String, Object>> value) {
        return new RecordBatch(ids, embeddings, documents, value, uris, inputs);
    }

    public RecordBatch uris(List<String> value) {
        return new RecordBatch(ids, embeddings, documents, metadatas, value, inputs);
    }

    /**
     * What the collection's embedding function embeds for records given without embeddings, one per
     * id, of the function's input type (images for an image function); without inputs, the documents
     * are embedded. Inputs are not stored: keep a reference to them in {@code uris} or metadata.
     */
    public RecordBatch inputs(List<?> value) {
        return new RecordBatch(ids, embeddings, documents, metadatas, uris, value);
    }

    public int size() {
        return ids == null ? 0 : ids.size();
    }
}
