package io.godwit.store.vector;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index file that cannot be used as it is: missing, truncated, failing its checksum, of another
 * format version, or not a Godwit index. Never shown to a caller: the segment logs it and rebuilds
 * the index from the database, which holds every vector.
 */
public final class DamagedIndexException extends IOException {
    private final Path file;

    public DamagedIndexException(Path file, String reason) {
        super("vector index " + file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
