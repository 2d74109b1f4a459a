package io.godwit.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the nearest folder above the working directory holding {@code peer/start.sh}. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
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
