package io.godwit.store.local;

import io.godwit.store.Float32Encoding;
import io.godwit.store.StoreException;
import io.godwit.store.vector.LogEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of add, upsert and update: in one transaction, re-read the collection (it may be
 * gone), fix or check its dimension, find which ids exist, append what applies to the log and apply
 * it to the metadata segment, advance the segment's position and count, purge the log. A record keeps
 * its {@code embeddings} row (its id) for life: updates change it in place.
 *
 * <p>Chroma's semantics: add leaves an existing id unchanged; update skips missing ids; upsert adds
 * missing ids and updates existing ones (given fields replaced, metadata merged key by key).
 */
final class RecordWriter {
    private static final int CHUNK = 500;

    private RecordWriter() {
    }

    static void write(Store store, CollectionRow handle, int operation, CheckedBatch b) {
        CommittedWrite written = store.connections().write(b.call() + " to collection '" + handle.name() + "'", c -> {
            CollectionRow row = Current.collection(c, handle);
            String epoch = StoreEpoch.ensure(c);
            fixDimension(c, row, b);
            Map<String, Long> existing = existingRows(c, row.metadataSegment(), b.ids());
            List<Integer> applied = new ArrayList<>();
            int inserts = 0;
            for (int i = 0; i < b.size(); i++) {
                boolean exists = existing.containsKey(b.ids().get(i));
                if (exists ? operation != RecordLog.ADD : operation != RecordLog.UPDATE) {
                    applied.add(i);
                    inserts += exists ? 0 : 1;
                }
            }
            if (applied.isEmpty()) {
                return null; // nothing logged
            }
            boolean pg = store.postgres();
            long after = CommittedWrite.position(c, row);
            List<LogEntry> entries = new ArrayList<>(applied.size());
            long[] seqs = Sequences.reserve(c, pg, "embeddings_queue", "seq_id", applied.size());
            long[] newRows = Sequences.reserve(c, pg, "embeddings", "id", inserts);
            try (RecordLog log = new RecordLog(c, row.topic()); MetadataRows meta = new MetadataRows(c);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO embeddings (id, segment_id, embedding_id,"
                         + " seq_id, vector, uri) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE embeddings SET seq_id = ?,"
                         + " vector = coalesce(?, vector), uri = coalesce(?, uri) WHERE id = ?")) {
                int next = 0;
                for (int k = 0; k < applied.size(); k++) {
                    int i = applied.get(k);
                    String id = b.ids().get(i);
                    float[] given = b.embeddings() == null ? null : b.embeddings().get(i);
                    byte[] vector = given == null ? null : Float32Encoding.pack(given);   // once, for the log and the row
                    String document = b.documents() == null ? null : b.documents().get(i);
                    String uri = b.uris() == null ? null : b.uris().get(i);
                    Map<String, Object> metadata = b.metadatas() == null ? null : b.metadatas().get(i);
                    Long existingRow = existing.get(id);
                    PreparedStatement ps = existingRow == null ? insert : update;
                    long recordRow = existingRow == null ? newRows[next++] : existingRow;
                    log.add(seqs[k], operation, id, recordRow, vector, metadata, document, uri);
                    if (given != null) {
                        entries.add(new LogEntry(seqs[k], recordRow, given.clone())); // the caller may reuse its array
                    }
                    if (existingRow == null) {
                        insert.setLong(1, recordRow);
                        insert.setString(2, row.metadataSegment());
                        insert.setString(3, id);
                        insert.setLong(4, seqs[k]);
                        insert.setBytes(5, vector);
                        insert.setString(6, uri);
                        if (metadata != null) {
                            meta.insert(recordRow, metadata);
                        }
                    } else {
                        update.setLong(1, seqs[k]);
                        update.setBytes(2, vector);
                        update.setString(3, uri);
                        update.setLong(4, recordRow);
                        if (metadata != null) {
                            meta.merge(recordRow, metadata);
                        }
                    }
                    ps.addBatch();
                    if (document != null) {
                        meta.document(recordRow, document, existingRow != null);
                    }
                }
                log.flush();
                insert.executeBatch();
                update.executeBatch();
                meta.flush();
            }
            Current.advance(c, row, seqs[seqs.length - 1], epoch, inserts);
            if (!store.settings().keepLog()) {
                RecordLog.purge(c, row, epoch, seqs[0], store.vectorsHold(row.id()));
            }
            return new CommittedWrite(epoch, row.vectorSegment(), after, seqs[seqs.length - 1], entries);
        });
        store.logged(handle.id(), written);
    }

    /** The first vector fixes a collection's dimension; after that every vector must have it (Chroma's message). */
    private static void fixDimension(Connection c, CollectionRow row, CheckedBatch b) throws SQLException {
        if (b.dimension() == null) {
            return;
        }
        if (row.dimension() == null) {
            Jdbc.update(c, "UPDATE collections SET dimension = ? WHERE id = ?", b.dimension(), row.id().toString());
        } else if (!row.dimension().equals(b.dimension())) {
            throw StoreException.invalid("Collection expecting embedding with dimension of " + row.dimension() + ", got "
                    + b.dimension() + " (" + b.call() + " in collection '" + row.name() + "', record '"
                    + firstWithVector(b) + "'); nothing was written");
        }
    }

    private static String firstWithVector(CheckedBatch b) {
        for (int i = 0; i < b.size(); i++) {
            if (b.embeddings().get(i) != null) {
                return b.ids().get(i);
            }
        }
        return b.ids().get(0);
    }

    /** The {@code embeddings.id} of each of {@code ids} present in the segment. */
    static Map<String, Long> existingRows(Connection c, String segment, List<String> ids) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT embedding_id, id FROM embeddings WHERE segment_id = ?"
                    + " AND embedding_id IN (" + Jdbc.marks(chunk.size()) + ")")) {
                ps.setString(1, segment);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }
}
