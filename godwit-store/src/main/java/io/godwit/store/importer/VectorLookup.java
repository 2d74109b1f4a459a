package io.godwit.store.importer;

import io.godwit.store.Space;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each record's current vector is in a Chroma persist directory: in the hnswlib files of the
 * collection's vector segment, up to the log position they were persisted at, or in a later log
 * entry. Chroma purges the log only below what every segment holds, so every live record's vector
 * is in one of them; one that is in neither means the segment files disagree with the database.
 */
final class VectorLookup implements AutoCloseable {
    private final Path folder;
    private final String collection;
    private final HnswSegment segment;
    private final ChromaLog log;
    private final boolean cosine;
    private final Map<String, Long> replayed = new HashMap<>();

    private VectorLookup(Path folder, String collection, HnswSegment segment, ChromaLog log, boolean cosine) {
        this.cosine = cosine;
        this.folder = folder;
        this.collection = collection;
        this.segment = segment;
        this.log = log;
    }

    /**
     * Opens the lookup of collection {@code c} whose vector segment lives in {@code folder}, persisted
     * (per {@code max_seq_id}) up to {@code persistedSeq}, 0 when never.
     */
    static VectorLookup open(ChromaLog log, SourceCollection c, Path folder, long persistedSeq) throws SQLException {
        HnswSegment segment = null;
        if (Files.isRegularFile(folder.resolve(IdMapPickle.FILE))) {
            segment = HnswSegment.open(folder, c.configuration().space() == Space.COSINE);
            if (c.dimension() != null && segment.dimension() != c.dimension()) {
                segment.close();
                throw segment.disagree(HnswSegment.HEADER, "it holds vectors of " + segment.dimension()
                        + " dimensions, but chroma.sqlite3 gives collection " + c.name() + " " + c.dimension());
            }
        } else if (persistedSeq > 0) {
            Path missing = Files.isDirectory(folder) ? folder.resolve(IdMapPickle.FILE) : folder;
            throw new ImportException(missing, missing + " is missing, although chroma.sqlite3 records that collection "
                    + c.name() + "'s vectors up to log position " + persistedSeq + " were written there (and purged from"
                    + " the log). Restore the whole Chroma directory, segment folders included, from a backup.");
        }
        long from = Math.max(persistedSeq, segment == null ? 0 : segment.idMap().maxSeqId());
        VectorLookup lookup = new VectorLookup(folder, c.name(), segment, log,
                c.configuration().space() == Space.COSINE);
        lookup.replay(log.entries(c.id(), from));
        return lookup;
    }

    private void replay(List<LogEntry> entries) {
        for (LogEntry e : entries) {
            Long before = replayed.containsKey(e.id()) ? replayed.get(e.id()) : initial(e.id());
            replayed.put(e.id(), LogReplay.vector(before, e));
        }
    }

    private Long initial(String id) {
        return segment != null && segment.idMap().idToLabel().containsKey(id) ? LogReplay.IN_SEGMENT_FILES : null;
    }

    /** The vectors of {@code ids}, in their order; fails naming the record whose vector is nowhere. */
    List<float[]> vectors(List<String> ids) throws SQLException {
        Map<String, Long> fromLog = new LinkedHashMap<>();
        for (String id : ids) {
            Long where = replayed.containsKey(id) ? replayed.get(id) : initial(id);
            if (where != null && where != LogReplay.IN_SEGMENT_FILES) {
                fromLog.put(id, where);
            }
        }
        Map<Long, float[]> logged = log.vectors(fromLog.values());
        List<float[]> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            float[] v = fromLog.containsKey(id) ? fromLog(logged.get(fromLog.get(id))) : segment == null ? null : segment.vector(id);
            if (v == null) {
                throw new ImportException(folder, "Record " + id + " of collection " + collection + " has no vector in the"
                        + " log of chroma.sqlite3 nor in the segment folder " + folder + ": the segment files disagree with the"
                        + " database. Restore the Chroma directory from a backup, or open it once with Chroma to let it repair.");
            }
            out.add(v);
        }
        return out;
    }

    private float[] fromLog(float[] vector) {
        return vector == null || !cosine ? vector : CosineRoundTrip.apply(vector);
    }

    @Override
    public void close() {
        if (segment != null) {
            segment.close();
        }
    }
}
