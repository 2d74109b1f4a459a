package io.godwit.store.metadata;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreClient;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The filter table through the persistent (SQLite file) client. */
class PersistentStoreFilterTableTest extends StoreFilterTableContract {
    @TempDir
    static Path temp;

    @Override
    StoreClient open() {
        return GodwitClient.persistent(temp.resolve("store"));
    }
}
