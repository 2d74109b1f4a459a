package io.godwit.store.vector;

import io.godwit.store.Space;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * One segment's index file, format version 1 (big-endian):
 *
 * <pre>
 * magic "GWVX" | format version (int)
 * epoch (2 longs) | seq_id covered (long) | space (UTF) | dimension, M, ef_construction, ef_search (ints)
 * n ordinals (int) | their record ids (n longs) | deleted ordinals (int count, longs of a bit set)
 * n prepared vectors (n x dimension floats)
 * graph: levels (int) | entry node (int) | per level: nodes (int count, then sorted ids, level 1 up),
 *        edges (int), then per node its neighbour count and neighbours (ints)
 * CRC32C of everything above (int)
 * </pre>
 *
 * Written whole to a temporary file, fsynced, renamed over the old one, and the folder fsynced:
 * a reader sees the old file or the new one, never a mixture; a file is never rewritten in place.
 * Reading checks everything and throws {@link DamagedIndexException} for anything unusable.
 */
public final class IndexFile {
    static final int MAGIC = 0x47575658;
    public static final int FORMAT_VERSION = 1;

    private IndexFile() {
    }

    /** An index read back with its header. */
    public record Loaded(IndexHeader header, HnswIndex index) {
    }

    /** Writes {@code index} as of {@code header} to {@code file}, atomically. */
    public static void write(Path file, IndexHeader header, HnswIndex index) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        try (FileOutputStream raw = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc),
                     1 << 20))) {
            writeHeader(out, header);
            index.read((vectors, n, ordToId, deleted, graph) -> {
                writeBody(out, vectors, n, ordToId, deleted, graph);
                return null;
            });
            out.flush();
            new DataOutputStream(raw).writeInt((int) crc.getValue());
            raw.getFD().sync();
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static void writeHeader(DataOutputStream out, IndexHeader h) throws IOException {
        IndexParams p = h.params();
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeLong(h.epoch().getMostSignificantBits());
        out.writeLong(h.epoch().getLeastSignificantBits());
        out.writeLong(h.seqId());
        out.writeUTF(p.space().wireName());
        out.writeInt(p.dimension());
        out.writeInt(p.maxNeighbors());
        out.writeInt(p.efConstruction());
        out.writeInt(p.efSearch());
    }

    private static void writeBody(DataOutputStream out, float[][] vectors, int n, long[] ordToId, BitSet deleted,
                                  OnHeapHnswGraph graph) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(ordToId[i]);
        }
        long[] dead = deleted.toLongArray();
        out.writeInt(dead.length);
        for (long w : dead) {
            out.writeLong(w);
        }
        ByteBuffer buf = ByteBuffer.allocate(n == 0 ? 0 : vectors[0].length * Float.BYTES);
        for (int i = 0; i < n; i++) {
            buf.clear();
            buf.asFloatBuffer().put(vectors[i]);
            out.write(buf.array());
        }
        GraphCodec.write(out, graph, n);
    }

    /** Reads {@code file}; any problem, a missing file included, is a {@link DamagedIndexException}. */
    public static Loaded read(Path file) throws DamagedIndexException {
        try (IndexInput in = new IndexInput(file)) {
            Loaded loaded = readAll(in, file, in.length());
            if (!in.checksumMatches()) {
                throw new DamagedIndexException(file, "checksum mismatch (the file is damaged)");
            }
            return loaded;
        } catch (DamagedIndexException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new DamagedIndexException(file, "missing");
        } catch (EOFException e) {
            throw new DamagedIndexException(file, "truncated");
        } catch (IOException | RuntimeException e) {
            throw new DamagedIndexException(file, "unreadable (" + e + ")");
        }
    }

    private static Loaded readAll(IndexInput in, Path file, long length) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new DamagedIndexException(file, "not a Godwit vector index");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new DamagedIndexException(file, "format version " + version + "; this Godwit reads version "
                    + FORMAT_VERSION);
        }
        UUID epoch = new UUID(in.readLong(), in.readLong());
        long seqId = in.readLong();
        Space space = Space.fromWireName(in.readUTF());
        IndexParams params = new IndexParams(space, in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int n = in.readInt();
        check(file, n >= 0 && (long) n * (8 + 4L * params.dimension()) <= length, "ordinal count " + n);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readLong();
        }
        int words = in.readInt();
        check(file, words >= 0 && words <= n / 64 + 1, "deleted set of " + words + " words");
        long[] dead = new long[words];
        for (int i = 0; i < words; i++) {
            dead[i] = in.readLong();
        }
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = new float[params.dimension()];
            in.readFloats(vectors[i]);
        }
        StoredGraph stored = GraphCodec.read(in, file, n, length);
        OnHeapHnswGraph graph = GraphCopy.restore(stored, params);
        HnswIndex index = HnswIndex.restore(params, vectors, n, ids, BitSet.valueOf(dead), graph);
        return new Loaded(new IndexHeader(epoch, seqId, params), index);
    }

    static void check(Path file, boolean ok, String what) throws DamagedIndexException {
        if (!ok) {
            throw new DamagedIndexException(file, "implausible " + what + " (the file is truncated or damaged)");
        }
    }
}
