package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;

/** What a call re-reads inside its transaction: the collection as it is now, and its segment's position and count. */
final class Current {
    private Current() {
    }

    /** The collection as stored now; NOT_FOUND (Chroma's message) when it was deleted since the handle was got. */
    static CollectionRow collection(Connection c, CollectionRow handle) throws SQLException {
        return CollectionRows.byId(c, handle.id()).orElseThrow(() ->
                StoreException.notFound("Collection [" + handle.name() + "] does not exist"));
    }

    /** The metadata segment's record count: one row read (count is constant time). */
    static long count(Connection c, CollectionRow row) throws SQLException {
        return Jdbc.longValue(c, 0, "SELECT record_count FROM max_seq_id WHERE segment_id = ?", row.metadataSegment());
    }

    /** Records that the metadata segment holds the log up to {@code seqId}, in {@code epoch}, with {@code added} more records. */
    static void advance(Connection c, CollectionRow row, long seqId, String epoch, long added) throws SQLException {
        int n = Jdbc.update(c, "UPDATE max_seq_id SET seq_id = ?, epoch = ?, record_count = record_count + ?"
                + " WHERE segment_id = ?", seqId, epoch, added, row.metadataSegment());
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO max_seq_id (segment_id, seq_id, epoch, record_count)"
                    + " SELECT ?, ?, ?, count(*) FROM embeddings WHERE segment_id = ?",
                    row.metadataSegment(), seqId, epoch, row.metadataSegment());
        }
    }
}
