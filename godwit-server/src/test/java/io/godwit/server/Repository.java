package io.godwit.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the nearest folder above the working directory holding {@code peer/start.sh}. */
final class Repository {
    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("peer/start.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No peer/start.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
