package io.godwit.store.crash;

import io.godwit.store.DeleteRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A second application instance on one PostgreSQL database, in its own JVM:
 * {@code IndexClientProcess URL USER PASSWORD} opens collection {@code shared} and runs commands
 * from stdin, one a line, answering each with one line: {@code add PREFIX N BASE} (records
 * PREFIX0.. at [BASE+i, 1]) → {@code OK}; {@code query X K} → {@code IDS id,id,...} (nearest to [X, 1]);
 * {@code delete ID} → {@code OK}; {@code move ID X} (a new vector [X, 1]) → {@code OK}.
 */
public final class IndexClientProcess {
    public static void main(String[] args) throws Exception {
        try (GodwitClient client = GodwitClient.postgres(args[0], args[1], args[2]);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            StoreCollection c = client.getOrCreateCollection("shared");
            System.out.println("READY");
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(run(c, line.split(" ")));
                System.out.flush();
            }
        }
    }

    static String run(StoreCollection c, String[] w) {
        switch (w[0]) {
            case "add" -> add(c, w[1], Integer.parseInt(w[2]), Float.parseFloat(w[3]));
            case "query" -> {
                return "IDS " + String.join(",", near(c, Float.parseFloat(w[1]), Integer.parseInt(w[2])));
            }
            case "delete" -> c.delete(DeleteRequest.ids(w[1]));
            case "move" -> c.update(RecordBatch.of(w[1]).embeddings(List.<float[]>of(new float[] {Float.parseFloat(w[2]), 1})));
            default -> throw new IllegalArgumentException(w[0]);
        }
        return "OK";
    }

    static void add(StoreCollection c, String prefix, int n, float base) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
            vectors.add(new float[] {base + i, 1});
        }
        c.add(RecordBatch.of(ids.toArray(String[]::new)).embeddings(vectors));
    }

    static List<String> near(StoreCollection c, float x, int k) {
        return c.query(QueryRequest.embedding(new float[] {x, 1}).nResults(k)).ids().get(0);
    }
}
