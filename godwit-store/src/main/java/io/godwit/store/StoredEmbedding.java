package io.godwit.store;

import java.util.Map;

/** One record of a collection as read back: its id, vector, metadata and document. */
public record StoredEmbedding(String id, float[] embedding, Map<String, Object> metadata, String document) {
}
