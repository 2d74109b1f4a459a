package io.godwit.store.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK's Vector API (incubating in Java 17): the CPU's widest float lanes, four
 * fused multiply-add accumulators (each FMA waits for the last one on its accumulator: with four, a
 * 384-d distance of vectors in cache took 48-58 ns against 61-80 ns with two, AVX2, a loaded machine;
 * vectors read from memory cost the same either way, about 0.5 us), the remainder in plain Java. Loaded only when the JVM has the
 * module ({@link Kernels#INSTANCE}); referring to this class without it fails to link.
 */
final class PanamaKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public float squaredL2(float[] a, float[] b) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int quads = a.length - a.length % (4 * L); i < quads; i += 4 * L) {
            FloatVector d0 = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            FloatVector d1 = FloatVector.fromArray(S, a, i + L).sub(FloatVector.fromArray(S, b, i + L));
            FloatVector d2 = FloatVector.fromArray(S, a, i + 2 * L).sub(FloatVector.fromArray(S, b, i + 2 * L));
            FloatVector d3 = FloatVector.fromArray(S, a, i + 3 * L).sub(FloatVector.fromArray(S, b, i + 3 * L));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
            acc2 = d2.fma(d2, acc2);
            acc3 = d3.fma(d3, acc3);
        }
        for (int bound = S.loopBound(a.length); i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            acc0 = d.fma(d, acc0);
        }
        float s = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            float d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    @Override
    public float dot(float[] a, float[] b) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int quads = a.length - a.length % (4 * L); i < quads; i += 4 * L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
            acc1 = FloatVector.fromArray(S, a, i + L).fma(FloatVector.fromArray(S, b, i + L), acc1);
            acc2 = FloatVector.fromArray(S, a, i + 2 * L).fma(FloatVector.fromArray(S, b, i + 2 * L), acc2);
            acc3 = FloatVector.fromArray(S, a, i + 3 * L).fma(FloatVector.fromArray(S, b, i + 3 * L), acc3);
        }
        for (int bound = S.loopBound(a.length); i < bound; i += L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
        }
        float s = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public String describe() {
        return "vector API (" + L + " float lanes)";
    }
}
