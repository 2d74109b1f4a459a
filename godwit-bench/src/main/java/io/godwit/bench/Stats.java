package io.godwit.bench;

import java.util.List;

/** Median and spread of measured times, in nanoseconds. */
public record Stats(int n, double median, double p25, double p75, double min, double max) {

    public static Stats of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("No measurement");
        }
        double[] s = nanos.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        return new Stats(s.length, quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75), s[0], s[s.length - 1]);
    }

    /** Linear interpolation between the closest ranks. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** A duration for humans: µs, ms or s with three significant digits. */
    public static String format(double nanos) {
        if (nanos < 1e6) {
            return sig(nanos / 1e3) + " µs";
        }
        if (nanos < 1e9) {
            return sig(nanos / 1e6) + " ms";
        }
        return sig(nanos / 1e9) + " s";
    }

    private static String sig(double v) {
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }

    @Override
    public String toString() {
        return format(median) + " [" + format(p25) + "–" + format(p75) + "] n=" + n;
    }
}
