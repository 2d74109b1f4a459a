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
 * the id map {@link IdMapPickle}. Only read: files are opened read-only and never mapped for writing.
 */
final class HnswSegment implements AutoCloseable {
    static final String HEADER = "header.bin";
    static final String DATA = "data_level0.bin";
    static final String LENGTHS = "length.bin";
    private static final int HEADER_SIZE = 100;
    private static final int PERSISTENCE_VERSION = 1;

    private final Path folder;
    private final FileChannel data;
    private final FileChannel lengths;
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
        this.data = FileChannel.open(folder.resolve(DATA), StandardOpenOption.READ);
        this.lengths = normalised ? FileChannel.open(folder.resolve(LENGTHS), StandardOpenOption.READ) : null;
        if (data.size() < count * elementSize || (normalised && lengths.size() < count * 4)) {
            throw disagree(DATA, "the header counts " + count + " elements but the files are shorter");
        }
        this.internalByLabel = scanLabels((int) count);
        this.idMap = IdMapPickle.read(folder.resolve(IdMapPickle.FILE));
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

    private Map<Long, Integer> scanLabels(int count) throws IOException {
        Map<Long, Integer> out = new HashMap<>(count * 2);
        ByteBuffer element = ByteBuffer.allocate((int) elementSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            element.clear();
            readFully(data, element, i * elementSize);
            boolean deleted = (element.get(2) & 0x01) != 0;
            if (!deleted) {
                out.put(element.getLong((int) labelOffset), i);
            }
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
        try {
            ByteBuffer buf = ByteBuffer.allocate(dimension * 4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(data, buf, internal * elementSize + dataOffset);
            float[] out = new float[dimension];
            buf.flip();
            buf.asFloatBuffer().get(out);
            if (normalised) {
                ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                readFully(lengths, len, internal * 4L);
                float norm = len.getFloat(0);
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] * norm;
                }
            }
            return out;
        } catch (IOException e) {
            throw new ImportException(folder.resolve(DATA), "Cannot read " + folder.resolve(DATA) + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buf.position()));
            }
        }
    }

    ImportException disagree(String file, String what) {
        return new ImportException(folder.resolve(file), folder.resolve(file) + " disagrees with the rest of the segment: "
                + what + ". Restore the Chroma directory from a backup, or open it once with Chroma so it rebuilds the segment.");
    }

    @Override
    public void close() {
        try {
            data.close();
            if (lengths != null) {
                lengths.close();
            }
        } catch (IOException ignored) {
            // read-only handles: nothing to flush
        }
    }
}
