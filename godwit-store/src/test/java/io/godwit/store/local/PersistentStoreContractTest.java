package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.testing.StoreClientContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract on the SQLite file client, one persist directory per store. */
class PersistentStoreContractTest extends StoreClientContract {
    private final AtomicInteger stores = new AtomicInteger();
    @TempDir
    Path temp;

    @Override
    protected StoreClient open(Settings settings) {
        return GodwitClient.persistent(temp.resolve("store" + stores.incrementAndGet()), settings);
    }
}
