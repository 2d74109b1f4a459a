package io.godwit.server.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Godwit server the acceptance tests talk to: a real {@code godwit run} process on a new persist
 * directory, reset allowed, started fresh for a test class and stopped (SIGTERM) after it.
 */
final class GodwitUnderTest implements AutoCloseable {
    /** {@code godwit run}'s default body limit (40 MiB, as Chroma). */
    static final long MAX_BODY_BYTES = 40L << 20;

    private final GodwitRun run;

    private GodwitUnderTest(GodwitRun run) {
        this.run = run;
    }

    static GodwitUnderTest start(Path dir) throws Exception {
        return new GodwitUnderTest(GodwitRun.start(dir.resolve("godwit"), Map.of("GODWIT_ALLOW_RESET", "true"),
                "--path", dir.resolve("godwit/data").toString(), "--port", "0"));
    }

    URI uri() {
        return run.uri();
    }

    @Override
    public void close() throws Exception {
        run.stop();
    }
}
