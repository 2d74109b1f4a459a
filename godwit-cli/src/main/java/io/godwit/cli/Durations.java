package io.godwit.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 12 ms} below a second, {@code 1.2 s} above. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
