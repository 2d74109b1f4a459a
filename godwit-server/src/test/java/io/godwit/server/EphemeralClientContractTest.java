package io.godwit.server;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreClient;

/** The contract on the in-process client, the reference the HTTP client is held to. */
class EphemeralClientContractTest extends StoreClientContract {
    @Override
    StoreClient open() {
        return GodwitClient.ephemeral();
    }
}
