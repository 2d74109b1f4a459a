package io.godwit.store.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK's Vector API (incubating in Java 17): the CPU's widest float lanes, two
 * fused multiply-add accumulators, the remainder in plain Java. Loaded only when the JVM has the
 * module ({@link Kernels#INSTANCE}); referring to this class without it fails to link.
 */
final class PanamaKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public float squaredL2(float[] a, float[] b) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        for (int pairs = a.length - a.length % (2 * L); i < pairs; i += 2 * L) {
            FloatVector d0 = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            FloatVector d1 = FloatVector.fromArray(S, a, i + L).sub(FloatVector.fromArray(S, b, i + L));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        for (int bound = S.loopBound(a.length); i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            acc0 = d.fma(d, acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
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
        int i = 0;
        for (int pairs = a.length - a.length % (2 * L); i < pairs; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
            acc1 = FloatVector.fromArray(S, a, i + L).fma(FloatVector.fromArray(S, b, i + L), acc1);
        }
        for (int bound = S.loopBound(a.length); i < bound; i += L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
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
