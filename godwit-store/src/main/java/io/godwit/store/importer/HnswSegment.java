package io.godwit.store.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The vectors of one Chroma vector segment as its hnswlib files hold them (Chroma's fork of
 * hnswlib, persistence version 1): {@code header.bin} (the index's sizes), {@code data_level0.bin}
 * (per element: its level-0 links, whose third byte carries the deleted mark, its float32 vector,
 * its label), {@code length.bin} (per element, the norm a cosine index divided the vector by) and
 * the id map {@link IdMapPickle}. Only read: files are opened read-only and mapped read-only
 * ({@link MappedElements}).
 */
final class HnswSegment implements AutoCloseable {
    static final String HEADER = "header.bin";
    static final String DATA = "data_level0.bin";
    static final String LENGTHS = "length.bin";
    private static final int HEADER_SIZE = 100;
    private static final int PERSISTENCE_VERSION = 1;

    private final Path folder;
    private final MappedElements data;
    private final MappedElements lengths;
    private final long elementSize;
    private final long labelOffset;
    private final long dataOffset;
    private final int dimension;
    private final boolean normalised;
    private final Map<Long, Integer> internalByLabel;
    private final IdMapPickle idMap;

    private HnswSegment(Path folder, ByteBuffer header, boolean normalised) throws IOException {
        this.folder = folder;
        this.normalised = normalised;
        header.order(ByteOrder.LITTLE_ENDIAN);
        int version = header.getInt(0);
        long count = header.getLong(20);
        this.elementSize = header.getLong(28);
        this.labelOffset = header.getLong(36);
        this.dataOffset = header.getLong(44);
        if (version != PERSISTENCE_VERSION || elementSize <= 0 || labelOffset + 8 > elementSize
                || dataOffset >= labelOffset || (labelOffset - dataOffset) % 4 != 0 || count < 0) {
            throw disagree(HEADER, "it is not an hnswlib header Godwit knows (version " + version + ")");
        }
        this.dimension = (int) ((labelOffset - dataOffset) / 4);
        this.data = map(DATA, count, elementSize);
        this.lengths = normalised ? map(LENGTHS, count, Float.BYTES) : null;
        this.internalByLabel = scanLabels((int) count);
        this.idMap = IdMapPickle.read(folder.resolve(IdMapPickle.FILE));
    }

    /** Maps {@code count} elements of {@code file} read-only; fails naming it when it is shorter. */
    private MappedElements map(String file, long count, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve(file), StandardOpenOption.READ)) {
            if (channel.size() < count * size) {
                throw disagree(file, "the header counts " + count + " elements but the file is shorter");
            }
            return MappedElements.map(channel, count, size);
        }
    }

    /**
     * Opens the segment in {@code folder}; {@code cosine} says whether its vectors were normalised.
     * Fails naming the file when one is missing or the files disagree with each other.
     */
    static HnswSegment open(Path folder, boolean cosine) {
        for (String name : new String[] {HEADER, DATA, IdMapPickle.FILE}) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new ImportException(folder.resolve(name), folder.resolve(name) + " is missing, so the vectors Chroma"
                        + " purged from its log cannot be read. Restore the whole Chroma directory from a backup.");
            }
        }
        try {
            byte[] header = Files.readAllBytes(folder.resolve(HEADER));
            if (header.length != HEADER_SIZE) {
                throw new ImportException(folder.resolve(HEADER), folder.resolve(HEADER) + " has " + header.length
                        + " bytes, not the " + HEADER_SIZE + " of Chroma's hnswlib. Restore the Chroma directory from a backup.");
            }
            return new HnswSegment(folder, ByteBuffer.wrap(header), cosine);
        } catch (IOException e) {
            throw new ImportException(folder, "Cannot read the vector segment " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The vector length the files hold. */
    int dimension() {
        return dimension;
    }

    /** The id map beside the files. */
    IdMapPickle idMap() {
        return idMap;
    }

    private Map<Long, Integer> scanLabels(int count) {
        Map<Long, Integer> out = new HashMap<>(count * 2);
        try {
            for (int i = 0; i < count; i++) {
                boolean deleted = (data.get(i, 2) & 0x01) != 0;
                if (!deleted) {
                    out.put(data.getLong(i, labelOffset), i);
                }
            }
        } catch (InternalError e) {
            throw changed(DATA, e);
        }
        return out;
    }

    /** The vector of {@code id} as Chroma returns it (a cosine index's norm multiplied back); null when absent. */
    float[] vector(String id) {
        Long label = idMap.idToLabel().get(id);
        Integer internal = label == null ? null : internalByLabel.get(label);
        if (internal == null) {
            return null;
        }
        float[] out = new float[dimension];
        try {
            data.slice(internal, dataOffset, dimension * Float.BYTES).asFloatBuffer().get(out);
        } catch (InternalError e) {
            throw changed(DATA, e);
        }
        if (normalised) {
            float norm;
            try {
                norm = lengths.getFloat(internal, 0);
            } catch (InternalError e) {
                throw changed(LENGTHS, e);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * norm;
            }
        }
        return out;
    }

    /** A mapped file that faulted: shortened while read, by a Chroma still writing the directory. */
    private ImportException changed(String file, InternalError e) {
        return new ImportException(folder.resolve(file), folder.resolve(file) + " changed while it was read (" + e.getMessage()
                + "). Stop every Chroma process using the directory, then run the import again.", e);
    }

    ImportException disagree(String file, String what) {
        return new ImportException(folder.resolve(file), folder.resolve(file) + " disagrees with the rest of the segment: "
                + what + ". Restore the Chroma directory from a backup, or open it once with Chroma so it rebuilds the segment.");
    }

    /** Nothing to release now: the read-only mappings go with the segment's last reference. */
    @Override
    public void close() {
    }
}
