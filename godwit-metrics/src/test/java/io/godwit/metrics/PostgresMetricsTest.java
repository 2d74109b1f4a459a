package io.godwit.metrics;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

/** The metrics contract on PostgreSQL (GODWIT_TEST_PG_URL's server, else the embedded one), a new database each. */
class PostgresMetricsTest extends MetricsContract {
    @Override
    GodwitConfiguration.Builder newDatabase() {
        TestDatabase db = TestPostgres.get().createDatabase();
        return Godwit.configure().url(db.url()).user(db.user()).password(db.password());
    }

    @Override
    GodwitClient openStore(Settings settings) {
        TestDatabase db = TestPostgres.get().createDatabase();
        return GodwitClient.postgres(db.url(), db.user(), db.password(), settings);
    }

    @Override
    boolean backsUp() {
        return false;
    }

    @Override
    String scope() {
        return "postgresql";
    }
}
