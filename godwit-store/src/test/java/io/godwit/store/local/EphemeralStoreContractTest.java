package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.testing.StoreClientContract;

/** The contract on the in-memory client. */
class EphemeralStoreContractTest extends StoreClientContract {
    @Override
    protected StoreClient open(Settings settings) {
        return GodwitClient.ephemeral(settings);
    }
}
