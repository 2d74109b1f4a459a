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
        return CollectionRows.byId(c, handle.id()).orElseThrow(() -> gone(handle));
    }

    /**
     * NOT_FOUND unless the collection still exists: what a read needs of it (its segment never changes),
     * one indexed row, without decoding its configuration and metadata as {@link #collection} does.
     */
    static void exists(Connection c, CollectionRow handle) throws SQLException {
        if (Jdbc.longValue(c, 0, "SELECT 1 FROM collections WHERE id = ?", handle.id().toString()) == 0) {
            throw gone(handle);
        }
    }

    /** The metadata segment's record count, and that the collection exists: one statement (count is constant time). */
    static long count(Connection c, CollectionRow handle) throws SQLException {
        long n = Jdbc.longValue(c, -1, "SELECT coalesce(m.record_count, 0) FROM collections c"
                + " LEFT JOIN max_seq_id m ON m.segment_id = ? WHERE c.id = ?", handle.metadataSegment(), handle.id().toString());
        if (n < 0) {
            throw gone(handle);
        }
        return n;
    }

    private static StoreException gone(CollectionRow handle) {
        return StoreException.notFound("Collection [" + handle.name() + "] does not exist");
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
