package io.godwit.store.vector;

import io.godwit.store.Float32Encoding;
import io.godwit.store.Space;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The exact {@link VectorSegment}: reads every candidate's vector from {@code embeddings} and keeps
 * the {@code k} nearest per query. It holds nothing of its own, so it never lags the database and
 * needs no log position (it records none, which lets the log be purged right behind the writes).
 * Linear in the collection's size: the vector-index issue replaces it with HNSW for speed.
 */
public final class ExactVectorSegment implements VectorSegment {
    private final Context context;

    public ExactVectorSegment(Context context) {
        this.context = context;
    }

    @Override
    public List<List<Neighbour>> search(Connection reader, List<float[]> queries, int k, long[] candidates)
            throws SQLException {
        Space space = context.configuration().space();
        List<PriorityQueue<Neighbour>> best = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            // Worst first: the head is the one to drop when a nearer record turns up.
            best.add(new PriorityQueue<>((a, b) -> a.distance() != b.distance()
                    ? Float.compare(b.distance(), a.distance()) : Long.compare(b.recordRow(), a.recordRow())));
        }
        float[][] normalised = space == Space.COSINE ? normaliseAll(queries) : null;
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, vector FROM embeddings WHERE segment_id = ?"
                + " AND vector IS NOT NULL")) {
            ps.setFetchSize(1000);
            ps.setString(1, context.metadataSegmentId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    if (candidates != null && Arrays.binarySearch(candidates, row) < 0) {
                        continue;
                    }
                    float[] v = Float32Encoding.unpack(rs.getBytes(2));
                    for (int i = 0; i < queries.size(); i++) {
                        float d = normalised != null ? cosine(normalised[i], v) : distance(space, queries.get(i), v);
                        offer(best.get(i), new Neighbour(row, d), k);
                    }
                }
            }
        }
        List<List<Neighbour>> out = new ArrayList<>();
        for (PriorityQueue<Neighbour> q : best) {
            List<Neighbour> sorted = new ArrayList<>(q);
            sorted.sort((a, b) -> a.distance() != b.distance() ? Float.compare(a.distance(), b.distance())
                    : Long.compare(a.recordRow(), b.recordRow()));
            out.add(sorted);
        }
        return out;
    }

    private static void offer(PriorityQueue<Neighbour> q, Neighbour n, int k) {
        if (q.size() < k) {
            q.add(n);
            return;
        }
        Neighbour worst = q.peek();
        if (n.distance() < worst.distance() || (n.distance() == worst.distance() && n.recordRow() < worst.recordRow())) {
            q.poll();
            q.add(n);
        }
    }

    /**
     * Chroma's distance between {@code a} and {@code b}: squared Euclidean for l2, {@code 1 - cos} for
     * cosine, {@code 1 - dot} for ip (accumulated in double, returned as float as Chroma's are).
     */
    public static float distance(Space space, float[] a, float[] b) {
        return switch (space) {
            case L2 -> {
                double sum = 0;
                for (int i = 0; i < a.length; i++) {
                    double d = (double) a[i] - b[i];
                    sum += d * d;
                }
                yield (float) sum;
            }
            case IP -> (float) (1 - dot(a, b));
            case COSINE -> cosine(normalise(a), b);
        };
    }

    private static float cosine(float[] unitQuery, float[] v) {
        double norm = Math.sqrt(dot(v, v));
        return norm == 0 ? 1f : (float) (1 - dot(unitQuery, v) / norm);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static float[][] normaliseAll(List<float[]> queries) {
        float[][] out = new float[queries.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalise(queries.get(i));
        }
        return out;
    }

    private static float[] normalise(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
