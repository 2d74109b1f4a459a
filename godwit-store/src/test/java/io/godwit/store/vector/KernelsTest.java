package io.godwit.store.vector;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both distance kernels against a plain double-precision loop, at lengths around the SIMD widths and beyond. */
class KernelsTest {
    private static final int[] LENGTHS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 384, 385, 3072};

    @Test
    void theVectorApiIsUsedWhenTheJvmHasTheModule() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, Kernels.INSTANCE instanceof PanamaKernels, Kernels.INSTANCE.describe());
        assertTrue(module, "the tests run with --add-modules jdk.incubator.vector (godwit-store/pom.xml), as godwit run does");
    }

    @Test
    void scalarLoopsAgreeWithDoublePrecision() {
        agree(new ScalarKernels());
    }

    @Test
    void vectorApiAgreesWithDoublePrecision() {
        agree(new PanamaKernels());
    }

    private static void agree(Kernels k) {
        Random random = new Random(7);
        for (int n : LENGTHS) {
            for (int round = 0; round < 20; round++) {
                float[] a = new float[n];
                float[] b = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) random.nextGaussian();
                    b[i] = (float) random.nextGaussian();
                }
                double l2 = 0;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    l2 += (double) (a[i] - b[i]) * (a[i] - b[i]);
                    dot += (double) a[i] * b[i];
                }
                assertEquals(l2, k.squaredL2(a, b), 1e-5 * (1 + l2), k.describe() + " l2, length " + n);
                assertEquals(dot, k.dot(a, b), 1e-5 * (1 + Math.sqrt(n)), k.describe() + " dot, length " + n);
                assertEquals(0f, k.squaredL2(a, a), k.describe() + " l2 of a vector with itself, length " + n);
            }
        }
    }
}
