package io.godwit.store.metadata;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreClient;

/** The filter table through the ephemeral (in-memory SQLite) client. */
class EphemeralStoreFilterTableTest extends StoreFilterTableContract {
    @Override
    StoreClient open() {
        return GodwitClient.ephemeral();
    }
}
