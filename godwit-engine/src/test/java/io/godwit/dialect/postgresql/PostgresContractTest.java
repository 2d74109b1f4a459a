package io.godwit.dialect.postgresql;

import io.godwit.contract.MigrationContractTest;
import io.godwit.spi.Database;
import io.godwit.testing.PostgresSnapshot;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

/**
 * The engine's contract on a real PostgreSQL server: a new database per test, and a schema that
 * does not exist until the first apply and whose name needs quoting (so that every statement the
 * engine writes must qualify and quote it). A snapshot is a dump of the whole database.
 */
class PostgresContractTest extends MigrationContractTest {
    static final String SCHEMA = "Contract \"Schema\"";

    private TestDatabase database;

    @Override
    protected Database freshDatabase() {
        database = TestPostgres.get().createDatabase();
        return new PostgresDatabase(database.url(), database.user(), database.password(), SCHEMA);
    }

    @Override
    protected String scope() {
        return "postgresql";
    }

    @Override
    protected String snapshot(Database db) {
        return PostgresSnapshot.of(database);
    }
}
