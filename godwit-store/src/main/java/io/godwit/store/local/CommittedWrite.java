package io.godwit.store.local;

import io.godwit.store.vector.LogEntry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a committed write appended to one collection's log, for the collection's open vector segment
 * ({@link Store#logged}): in {@code epoch}, the log of {@code vectorSegment}'s collection after seq_id
 * {@code after} (the metadata segment's position before the write) up to {@code last} is exactly
 * {@code entries} (vectors and deletes; entries that leave the vector unchanged are left out).
 */
record CommittedWrite(String epoch, String vectorSegment, long after, long last, List<LogEntry> entries) {

    /** The collection's log end before this transaction's entries (its metadata segment's position; 0 when none). */
    static long position(Connection c, CollectionRow row) throws SQLException {
        return Jdbc.longValue(c, 0, "SELECT seq_id FROM max_seq_id WHERE segment_id = ?", row.metadataSegment());
    }
}
