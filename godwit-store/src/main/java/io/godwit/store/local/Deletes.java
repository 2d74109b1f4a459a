package io.godwit.store.local;

import io.godwit.store.DeleteRequest;
import io.godwit.store.StoreException;
import io.godwit.store.metadata.RecordFilter;

import io.godwit.store.vector.LogEntry;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * delete: in one transaction, the rows matching the ids and filters (all given must match) are
 * logged as deletes and removed with their metadata (by the foreign keys' cascade) and documents.
 */
final class Deletes {
    private Deletes() {
    }

    static long delete(Store store, CollectionRow handle, DeleteRequest request) {
        Names.required("delete request", request);
        if ((request.ids() == null || request.ids().isEmpty()) && isEmpty(request.where()) && isEmpty(request.whereDocument())) {
            throw StoreException.invalid("delete from collection '" + handle.name() + "': give ids, where or"
                    + " where_document (an empty or absent id list without a filter deletes nothing, so it is refused, as"
                    + " Chroma does; to empty the collection, delete it)");
        }
        Reads.checkIds("delete", request.ids());
        RecordFilter filter = RecordFilter.parse(request.where(), request.whereDocument());
        CommittedWrite written = store.connections().write("delete from collection '" + handle.name() + "'", c -> {
            CollectionRow row = Current.collection(c, handle);
            List<Long> rows = RecordRows.select(c, store.postgres(), row, request.ids(), filter, null, 0);
            if (rows.isEmpty()) {
                return null; // nothing logged
            }
            String epoch = StoreEpoch.ensure(c);
            long after = CommittedWrite.position(c, row);
            List<LogEntry> entries = new ArrayList<>(rows.size());
            long[] seqs = Sequences.reserve(c, store.postgres(), "embeddings_queue", "seq_id", rows.size());
            java.util.Map<Long, RecordRows.Loaded> loaded = RecordRows.load(c, rows, java.util.Set.of());
            try (RecordLog log = new RecordLog(c, row.topic());
                 PreparedStatement document = c.prepareStatement("DELETE FROM embedding_fulltext_search WHERE rowid = ?");
                 PreparedStatement record = c.prepareStatement("DELETE FROM embeddings WHERE id = ?")) {
                for (int i = 0; i < rows.size(); i++) {
                    log.add(seqs[i], RecordLog.DELETE, loaded.get(rows.get(i)).id(), rows.get(i), null, null, null, null);
                    entries.add(LogEntry.delete(seqs[i], rows.get(i)));
                    document.setLong(1, rows.get(i));
                    document.addBatch();
                    record.setLong(1, rows.get(i));
                    record.addBatch();
                }
                log.flush();
                document.executeBatch();
                record.executeBatch();
            }
            Current.advance(c, row, seqs[seqs.length - 1], epoch, -rows.size());
            if (!store.settings().keepLog()) {
                RecordLog.purge(c, row, epoch, seqs[0], store.vectorsHold(row.id()));
            }
            return new CommittedWrite(epoch, row.vectorSegment(), after, seqs[seqs.length - 1], entries);
        });
        store.logged(handle.id(), written);
        return written == null ? 0L : written.entries().size();
    }

    private static boolean isEmpty(java.util.Map<String, Object> filter) {
        return filter == null || filter.isEmpty();
    }
}
