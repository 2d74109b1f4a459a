package io.godwit.store.local;

import io.godwit.store.GodwitClient;

/** The vector index contract on the ephemeral client (index in memory only). */
class EphemeralVectorIndexTest extends VectorIndexContract {
    @Override
    protected GodwitClient open() {
        return GodwitClient.ephemeral();
    }
}
