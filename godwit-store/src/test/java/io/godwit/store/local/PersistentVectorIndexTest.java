package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The vector index contract on the persistent client (index files in the persist directory). */
class PersistentVectorIndexTest extends VectorIndexContract {
    @TempDir
    Path dir;

    @Override
    protected GodwitClient open() {
        return GodwitClient.persistent(dir);
    }
}
