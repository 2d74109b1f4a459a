package io.godwit.bench.importer;

import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.QueryRequest;
import io.godwit.store.StoreCollection;
import java.nio.file.Path;

/**
 * Times the vector index of a store an import has just written (the import does not build it):
 * open, one query per collection (which opens its index and starts its build), then
 * {@code indexStatus()} polled until every lag is 0. Usage: {@code IndexAfterImport STORE_DIR}
 * on godwit-bench's class path (bench/IMPORT-RESULTS.md).
 */
public final class IndexAfterImport {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        try (GodwitClient c = GodwitClient.persistent(Path.of(a[0]))) {
            long opened = System.nanoTime();
            long records = 0;
            for (StoreCollection col : c.defaultScope().listCollections(null, 0)) {
                GetResult one = col.peek(1);
                records += col.count();
                float[] q = one.embeddings().get(0);
                col.query(QueryRequest.embedding(q));
            }
            long firstQueries = System.nanoTime();
            while (true) {
                long lag = 0;
                for (IndexStatus s : c.indexStatus()) lag += s.lag();
                if (lag == 0) break;
                Thread.sleep(200);
            }
            long done = System.nanoTime();
            System.out.printf("records %d; open %.2f s; first query per collection %.2f s; all indexed %.1f s after open (%.0f records/s)%n",
                records, (opened - t0) / 1e9, (firstQueries - opened) / 1e9, (done - opened) / 1e9, records / ((done - opened) / 1e9));
        }
    }
}
