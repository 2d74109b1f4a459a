package io.godwit.bench.store;

import io.godwit.store.RecordBatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The record-store workload, the same on both sides: {@code n} records {@code r<i>} of seeded
 * vectors, metadata {@code {bucket: i % 100, parity, score}} and a document of about 100
 * characters, added in batches; then {@code reps} gets of 1,000 random ids, {@code reps} gets by
 * {@code {"bucket": 7}} (1 % of the records), counts and peeks. The peer's script
 * ({@code bench/store/peer-workload.js}) uses the same formulas.
 */
record Workload(int n, int dim, int batch, int reps, long seed) {

    float[] vector(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) r.nextGaussian();
        }
        return v;
    }

    static String document(int i) {
        return "record " + i + ": the quick brown fox jumps over the lazy dog, then rests by the river bank " + (i % 977);
    }

    Map<String, Object> metadata(int i) {
        return Map.of("bucket", i % 100, "parity", i % 2 == 0 ? "even" : "odd", "score", (double) i / n);
    }

    RecordBatch batch(int from) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (int i = from; i < Math.min(n, from + batch); i++) {
            ids.add("r" + i);
            vectors.add(vector(i));
            documents.add(document(i));
            metadatas.add(metadata(i));
        }
        return RecordBatch.of(ids).embeddings(vectors).documents(documents).metadatas(metadatas);
    }

    /** The id lists of the get-by-ids repetitions: 1,000 distinct random ids each. */
    List<List<String>> getIds() {
        Random r = new Random(seed);
        List<List<String>> out = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
            while (ids.size() < Math.min(1000, n)) {
                ids.add("r" + r.nextInt(n));
            }
            out.add(new ArrayList<>(ids));
        }
        return out;
    }

    /** Writes every vector, little-endian float32 row after row, for the peer's script. */
    void writeVectors(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                buf.clear();
                for (float f : vector(i)) {
                    buf.putFloat(f);
                }
                buf.flip();
                ch.write(buf);
            }
        }
    }
}
