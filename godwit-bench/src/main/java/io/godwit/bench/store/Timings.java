package io.godwit.bench.store;

import java.util.ArrayList;
import java.util.List;

/** Milliseconds of repeated calls (after {@link #WARM_UP} untimed ones, as the npm script does), and their median. */
final class Timings {
    static final int WARM_UP = 2;

    private Timings() {
    }

    interface Call {
        void run(int rep) throws Exception;
    }

    static List<Double> time(int reps, Call call) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < Math.min(WARM_UP, reps); r++) {
            call.run(r);
        }
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            call.run(r);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms;
    }

    static double p50(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(Double::compare);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
