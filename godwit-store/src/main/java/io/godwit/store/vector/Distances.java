package io.godwit.store.vector;

import io.godwit.store.Space;
import org.apache.lucene.util.VectorUtil;

/**
 * Chroma's distance values per space, and the similarity the HNSW graph orders by.
 *
 * <p>Distances, as a Chroma client reads them: {@code l2} is the squared Euclidean distance,
 * {@code cosine} is {@code 1 - cos(a, b)}, {@code ip} is {@code 1 - a·b}. As hnswlib does for
 * cosine, vectors are normalised once when they enter the index ({@link #prepare}), so the cosine
 * distance of two prepared vectors is {@code 1 - a·b}.
 *
 * <p>Similarity is the graph's ordering: larger is nearer, always positive (Lucene's graph keeps
 * scores in float heaps and its diversity heuristic compares them), and strictly decreasing in the
 * distance, so the graph's order is the distance order.
 */
public final class Distances {

    private Distances() {
    }

    /** The vector as the index stores it: a normalised copy for cosine, the vector itself otherwise. */
    public static float[] prepare(Space space, float[] v) {
        if (space != Space.COSINE) {
            return v;
        }
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        float inv = (float) (1 / norm);
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    /** Chroma's distance between two prepared vectors. */
    public static float distance(Space space, float[] a, float[] b) {
        switch (space) {
            case L2:
                return squaredL2(a, b);
            case COSINE:
            case IP:
                return 1f - dot(a, b);
            default:
                throw new IllegalArgumentException("space " + space);
        }
    }

    /** The graph's similarity of two prepared vectors: positive, larger when nearer. */
    public static float similarity(Space space, float[] a, float[] b) {
        if (space == Space.L2) {
            return 1f / (1f + squaredL2(a, b));
        }
        // 1 - distance is the dot product; map it onto (0, inf) keeping its order (as Lucene's
        // maximum-inner-product similarity does).
        float d = dot(a, b);
        return d < 0 ? 1f / (1f - d) : d + 1f;
    }

    /**
     * Lucene's {@link VectorUtil}: a plain loop on Java 17, the vector API's SIMD lanes on a newer
     * JDK run with {@code --add-modules jdk.incubator.vector} (README, "Vector index").
     */
    static float squaredL2(float[] a, float[] b) {
        return VectorUtil.squareDistance(a, b);
    }

    static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}
