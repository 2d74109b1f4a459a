package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.godwit.store.Space;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chroma's distance values per space, computed by hand, through the graph and the exact scan alike. */
class DistancesTest {
    private static final float[] A = {1, 2, 3};
    private static final float[] B = {4, 0, -1};
    private static final float[] C = {0.5f, 0.5f, 0.5f};

    @Test
    void l2IsTheSquaredEuclideanDistance() {
        // (1-4)^2 + (2-0)^2 + (3+1)^2 = 9 + 4 + 16
        assertDistances(Space.L2, 29f, 0.5f * 0.5f + 1.5f * 1.5f + 2.5f * 2.5f);
    }

    @Test
    void cosineIsOneMinusTheCosineSimilarity() {
        // a.b = 4 + 0 - 3 = 1; |a| = sqrt(14), |b| = sqrt(17); a.c = 3, |c| = sqrt(0.75)
        assertDistances(Space.COSINE, (float) (1 - 1 / Math.sqrt(14 * 17)), (float) (1 - 3 / Math.sqrt(14 * 0.75)));
    }

    @Test
    void ipIsOneMinusTheDotProduct() {
        // a.b = 1, a.c = 3: distances 0 and -2 (ip distances may be negative, as in Chroma)
        assertDistances(Space.IP, 0f, -2f);
    }

    private static void assertDistances(Space space, float toB, float toC) {
        HnswIndex index = new HnswIndex(new IndexParams(space, 3, 16, 100, 100));
        index.apply(List.of(new HnswIndex.Change(1, B), new HnswIndex.Change(2, C)));
        List<Hit> hits = index.search(A, 2, null, 100);
        assertThat(hits).hasSize(2);
        assertThat(distanceOf(hits, 1)).isCloseTo(toB, within(1e-5f));
        assertThat(distanceOf(hits, 2)).isCloseTo(toC, within(1e-5f));
        assertThat(hits.get(0).distance()).isLessThanOrEqualTo(hits.get(1).distance());

        ExactScan scan = new ExactScan(space, A, 2);
        scan.offer(1, B);
        scan.offer(2, C);
        assertThat(scan.result()).isEqualTo(hits);
    }

    private static float distanceOf(List<Hit> hits, long id) {
        return hits.stream().filter(h -> h.id() == id).findFirst().orElseThrow().distance();
    }
}
