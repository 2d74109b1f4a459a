package io.godwit.store.vector;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What {@code godwit verify} learns of one persisted segment, without taking its lock or writing:
 * why its file cannot serve ({@code unusable}, null when it can), or else how the records it would
 * answer, caught up from the log in memory, compare with the database's ({@code check}).
 */
public record IndexInspection(String unusable, IndexCheck check) {

    public static IndexInspection of(IndexParams params, UUID epoch, Path dir, VectorLog log, long[] databaseRows) {
        HnswSegment s = HnswSegment.forReading(params, epoch, dir, log);
        String unusable = s.adoptFile();
        return unusable != null ? new IndexInspection(unusable, null) : new IndexInspection(null, s.check(log, databaseRows));
    }
}
