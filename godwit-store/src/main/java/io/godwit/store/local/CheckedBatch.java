package io.godwit.store.local;

import io.godwit.store.RecordBatch;
import io.godwit.store.StoreException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A write batch checked whole before anything is written: ids present, non-empty and unique; every
 * list one element per id; vectors finite and of one dimension; metadata of supported types
 * (normalised). A refusal names the call, the collection, the record and the field.
 *
 * @param dimension the batch's vector length; null when it carries no vector
 */
record CheckedBatch(String call, List<String> ids, List<float[]> embeddings, List<String> documents,
                    List<Map<String, Object>> metadatas, List<String> uris, Integer dimension) {

    int size() {
        return ids.size();
    }

    /** {@code update} allows missing vectors and null metadata values; add and upsert need a vector per record. */
    static CheckedBatch check(String call, String collection, RecordBatch batch, int maxBatchSize, boolean update) {
        String where = call + " in collection '" + collection + "'";
        if (batch == null) {
            throw StoreException.invalid(where + ": the records are required (got null)");
        }
        List<String> ids = ids(where, batch.ids(), maxBatchSize);
        size(where, "embeddings", batch.embeddings(), ids.size());
        size(where, "documents", batch.documents(), ids.size());
        size(where, "metadatas", batch.metadatas(), ids.size());
        size(where, "uris", batch.uris(), ids.size());
        if (!update && batch.embeddings() == null) {
            throw StoreException.invalid(where + ": embeddings are missing; give one per id (or create the collection"
                    + " with an embedding function and give documents)");
        }
        Integer dimension = null;
        if (batch.embeddings() != null) {
            for (int i = 0; i < ids.size(); i++) {
                float[] v = batch.embeddings().get(i);
                if (v == null) {
                    if (!update) {
                        throw StoreException.invalid(where + ": record '" + ids.get(i) + "' has no embedding");
                    }
                    continue;
                }
                dimension = vector(where + ": record '" + ids.get(i) + "'", v, dimension);
            }
        }
        List<Map<String, Object>> metadatas = null;
        if (batch.metadatas() != null) {
            metadatas = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Map<String, Object> m = batch.metadatas().get(i);
                metadatas.add(m == null ? null : MetadataValues.record(where + ": record '" + ids.get(i) + "'", m, update));
            }
        }
        return new CheckedBatch(call, ids, batch.embeddings(), batch.documents(), metadatas, batch.uris(), dimension);
    }

    private static List<String> ids(String where, List<String> ids, int maxBatchSize) {
        if (ids == null) {
            throw StoreException.invalid(where + ": ids are required (got null)");
        }
        if (ids.isEmpty()) {
            throw StoreException.invalid(where + ": ids is empty; give at least one id");
        }
        if (ids.size() > maxBatchSize) {
            throw new StoreException(StoreException.Kind.TOO_LARGE, where + ": " + ids.size() + " records in one call,"
                    + " more than max_batch_size " + maxBatchSize + "; split the batch (Settings.maxBatchSize,"
                    + " GODWIT_MAX_BATCH_SIZE)");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isEmpty()) {
                throw StoreException.invalid(where + ": ids[" + i + "] is " + (id == null ? "null" : "empty")
                        + "; every record needs a non-empty id");
            }
            Integer before = seen.put(id, i);
            if (before != null) {
                throw StoreException.invalid(where + ": id '" + id + "' appears twice (positions " + before + " and " + i
                        + "); ids must be unique within one call");
            }
        }
        return ids;
    }

    private static void size(String where, String field, List<?> list, int ids) {
        if (list != null && list.size() != ids) {
            throw StoreException.invalid(where + ": " + ids + " ids but " + list.size() + " " + field
                    + "; give one per id (null elements for none)");
        }
    }

    /** Checks one vector: non-empty, finite, of the batch's dimension so far; returns that dimension. */
    static Integer vector(String where, float[] v, Integer dimension) {
        if (v.length == 0) {
            throw StoreException.invalid(where + ": embedding is empty");
        }
        for (int j = 0; j < v.length; j++) {
            if (!Float.isFinite(v[j])) {
                throw StoreException.invalid(where + ": embedding[" + j + "] is " + v[j] + "; values must be finite");
            }
        }
        if (dimension != null && dimension != v.length) {
            throw StoreException.invalid(where + ": embedding has dimension " + v.length + " but others in this call have "
                    + dimension);
        }
        return v.length;
    }
}
