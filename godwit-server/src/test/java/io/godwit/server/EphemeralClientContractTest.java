package io.godwit.server;

import io.godwit.store.GodwitClient;
import io.godwit.store.LegacyStoreClient;

/** The contract on the in-process client, the reference the HTTP client is held to. */
class EphemeralClientContractTest extends StoreClientContract {
    @Override
    LegacyStoreClient open() {
        return GodwitClient.ephemeral();
    }
}
