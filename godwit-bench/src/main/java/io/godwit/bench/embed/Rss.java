package io.godwit.bench.embed;

import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, from /proc (the model lives mostly outside the Java heap). */
final class Rss {

    private Rss() {
    }

    static double mb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            // Falls through: memory is then reported as not known.
        }
        return Double.NaN;
    }
}
