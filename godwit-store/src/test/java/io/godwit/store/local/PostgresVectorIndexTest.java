package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

/** The vector index contract on the PostgreSQL client (each process's index in memory, fed from the shared log). */
class PostgresVectorIndexTest extends VectorIndexContract {
    @Override
    protected GodwitClient open() {
        TestDatabase db = TestPostgres.get().createDatabase();
        return GodwitClient.postgres(db.url(), db.user(), db.password());
    }
}
