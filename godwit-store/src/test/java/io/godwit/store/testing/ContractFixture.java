package io.godwit.store.testing;

import io.godwit.store.CreateCollection;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the contract's test interfaces get from {@link StoreClientContract}: the client and a few builders. */
public interface ContractFixture {

    /** The test's client, on an empty store with default settings. */
    StoreClient client();

    /** Another client on another new, empty store, closed after the test. */
    StoreClient openStore(Settings settings);

    default StoreCollection collection(String name) {
        return client().createCollection(CreateCollection.named(name));
    }

    /** {@code books} with three 3-d records a, b, c (documents, metadata, uris on some). */
    default StoreCollection books() {
        StoreCollection books = collection("books");
        books.add(RecordBatch.of("a", "b", "c")
                .embeddings(List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0.9f, 0.1f, 0.333f}))
                .documents(list("the quick fox", null, "slow brown dog"))
                .metadatas(list(Map.of("author", "ann", "year", 2001, "score", 0.5, "new", true), null,
                        Map.of("author", "cy", "tags", List.of("x", "y"))))
                .uris(list("s3://a", null, null)));
        return books;
    }

    /** A list that may hold nulls (List.of may not). */
    @SafeVarargs
    static <T> List<T> list(T... values) {
        List<T> out = new ArrayList<>();
        java.util.Collections.addAll(out, values);
        return out;
    }

    static float[] vector(int dimension, int seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
