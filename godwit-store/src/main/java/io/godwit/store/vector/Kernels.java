package io.godwit.store.vector;

/**
 * The two loops every distance comes down to (squared L2 and dot product over float arrays of one
 * length), where the index's building, its searches and the exact scans spend nearly all their time.
 * {@link #INSTANCE} uses the JDK's Vector API ({@link PanamaKernels}: SIMD, 5-10x the scalar loop
 * on this project's machines) when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (the launcher does so for {@code godwit run}), else the plain loops ({@link ScalarKernels}).
 * Both sum in another order than a left-to-right loop, so results may differ from it in the last bits.
 */
interface Kernels {
    Kernels INSTANCE = choose();

    float squaredL2(float[] a, float[] b);

    float dot(float[] a, float[] b);

    /** "vector API (N lanes)" or "scalar": for a log line. */
    String describe();

    private static Kernels choose() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return new PanamaKernels();
            } catch (LinkageError | RuntimeException e) {
                return new ScalarKernels(); // the module is there but unusable here: the loops still answer
            }
        }
        return new ScalarKernels();
    }
}
