package io.godwit.store.importer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's document, uri and metadata while it is assembled from Chroma's metadata segment and
 * the log entries that segment has not applied yet; its vector is looked up last.
 */
final class RecordDraft {
    final String id;
    String document;
    String uri;
    final Map<String, Object> metadata = new LinkedHashMap<>();

    RecordDraft(String id) {
        this.id = id;
    }

    /** Sets one key as Chroma's tables and log carry it: the document and uri keys apart, null removing. */
    void put(String key, Object value) {
        switch (key) {
            case ChromaValues.DOCUMENT -> document = (String) value;
            case ChromaValues.URI -> uri = (String) value;
            default -> {
                if (value == null) {
                    metadata.remove(key);
                } else {
                    metadata.put(key, value);
                }
            }
        }
    }

    SourceRecord withVector(float[] vector) {
        return new SourceRecord(id, vector, document, metadata.isEmpty() ? null : Map.copyOf(metadata), uri);
    }
}
