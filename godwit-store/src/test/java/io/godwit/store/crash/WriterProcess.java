package io.godwit.store.crash;

import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store writer in its own JVM: {@code WriterProcess DIR PREFIX FIRST COUNT} adds batches
 * {@code FIRST, FIRST+1, ...} ({@code COUNT} of them, or for ever when 0) of {@link #BATCH} records
 * to collection {@code crash} of the persistent store in DIR, prints {@code OPEN} once the store is open and {@code ACK n} once the add
 * of batch n has returned (so the parent knows it was acknowledged), then {@code DONE}.
 */
public final class WriterProcess {
    static final int BATCH = 40;
    static final int DIMENSION = 16;

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        try (GodwitClient client = GodwitClient.persistent(dir, Settings.defaults().withWriteLockTimeout(Duration.ofSeconds(60)))) {
            StoreCollection c = client.getOrCreateCollection("crash");
            System.out.println("OPEN");
            System.out.flush();
            for (int b = first; count == 0 || b < first + count; b++) {
                c.add(batch(prefix, b));
                System.out.println("ACK " + b);
                System.out.flush();
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }

    static RecordBatch batch(String prefix, int b) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(id(prefix, b, i));
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = b * 1000 + i + d / 100f;
            }
            vectors.add(v);
            documents.add("batch " + b + " record " + i);
            metadatas.add(Map.of("batch", b, "i", i, "prefix", prefix, "tags", List.of(b, i)));
        }
        return RecordBatch.of(ids).embeddings(vectors).documents(documents).metadatas(metadatas);
    }

    static String id(String prefix, int b, int i) {
        return prefix + "-" + b + "-" + i;
    }
}
