package io.godwit.bench.vector;

import java.util.Random;

/**
 * Seeded clustered vectors, the stand-in for real embeddings where no embedding function runs:
 * {@code clusters} gaussian centres, each point a centre plus gaussian noise, optionally
 * L2-normalised (for cosine and ip, whose vectors real models normalise). Same seed, same data.
 */
public final class SeededVectors {
    private final float[][] centres;
    private final Random random;
    private final boolean normalise;

    public SeededVectors(long seed, int dimension, int clusters, boolean normalise) {
        this.random = new Random(seed);
        this.normalise = normalise;
        this.centres = new float[clusters][dimension];
        for (float[] c : centres) {
            for (int i = 0; i < dimension; i++) {
                c[i] = (float) random.nextGaussian();
            }
        }
    }

    /** The next vector: a random centre plus noise of a third of the centres' spread. */
    public float[] next() {
        float[] c = centres[random.nextInt(centres.length)];
        float[] v = new float[c.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = c[i] + 0.33f * (float) random.nextGaussian();
        }
        return normalise ? normalised(v) : v;
    }

    public float[][] next(int n) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = next();
        }
        return out;
    }

    static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
