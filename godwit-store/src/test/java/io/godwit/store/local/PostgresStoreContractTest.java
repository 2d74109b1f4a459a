package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.testing.StoreClientContract;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

/** The contract on the PostgreSQL client, one new database per store (GODWIT_TEST_PG_URL's server, else the embedded one). */
class PostgresStoreContractTest extends StoreClientContract {
    @Override
    protected StoreClient open(Settings settings) {
        TestDatabase db = TestPostgres.get().createDatabase();
        return GodwitClient.postgres(db.url(), db.user(), db.password(), settings);
    }
}
