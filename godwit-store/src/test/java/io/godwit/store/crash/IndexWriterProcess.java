package io.godwit.store.crash;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A writer of a vector index in its own JVM: {@code IndexWriterProcess DIR FIRST} adds batches
 * {@code FIRST, FIRST+1, ...} of {@link #BATCH} records to collection {@code idx} of the persistent
 * store in DIR for ever, printing {@code ACK n} once batch n's add has returned, and queries after
 * each, so that its segment indexes and rewrites its file (flushes are due every 50 records at
 * first, {@code sync_threshold} 50) while the parent kills it.
 */
public final class IndexWriterProcess {
    static final int BATCH = 100;
    static final int DIMENSION = 16;

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection(CreateCollection.named("idx").getOrCreate(true)
                    .configuration(CollectionConfiguration.defaults().withSyncThreshold(50).withBatchSize(50)));
            for (int b = first; ; b++) {
                c.add(batch(b));
                System.out.println("ACK " + b);
                System.out.flush();
                c.query(QueryRequest.embedding(vector(b, 0)).nResults(5));
            }
        }
    }

    static RecordBatch batch(int b) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(b + "-" + i);
            vectors.add(vector(b, i));
        }
        return RecordBatch.of(ids).embeddings(vectors);
    }

    static float[] vector(int b, int i) {
        Random r = new Random(b * 1000L + i);
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) r.nextGaussian();
        }
        return v;
    }
}
