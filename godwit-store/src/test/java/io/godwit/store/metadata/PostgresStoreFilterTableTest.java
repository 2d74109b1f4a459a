package io.godwit.store.metadata;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreClient;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

/** The filter table through the PostgreSQL client ({@code $regex} decided in Java on the selected rows). */
class PostgresStoreFilterTableTest extends StoreFilterTableContract {
    @Override
    StoreClient open() {
        TestDatabase db = TestPostgres.get().createDatabase();
        return GodwitClient.postgres(db.url(), db.user(), db.password());
    }
}
