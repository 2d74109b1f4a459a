package io.godwit.store.importer;

import java.util.Map;

/**
 * A record as Chroma would return it now: updates applied, deleted records absent.
 *
 * @param id        the record's id
 * @param embedding its vector, float32 as Chroma keeps it
 * @param document  its document; null when none
 * @param metadata  its metadata (String, Long, Double, Boolean or a List of one of them); null when none
 * @param uri       its uri; null when none
 */
public record SourceRecord(String id, float[] embedding, String document, Map<String, Object> metadata, String uri) {
}
