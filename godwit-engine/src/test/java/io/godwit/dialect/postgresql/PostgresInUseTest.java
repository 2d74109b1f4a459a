package io.godwit.dialect.postgresql;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.contract.InUseContractTest;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** The in-use contract on a PostgreSQL schema: clients hold a shared advisory lock on sessions of their own. */
class PostgresInUseTest extends InUseContractTest {
    static TestDatabase pg;

    @BeforeAll
    static void database() {
        pg = TestPostgres.get().createDatabase();
    }

    @Override
    protected String target() {
        return "postgresql:" + pg.url() + "|" + pg.user() + "|" + pg.password() + "|" + schema();
    }

    @Override
    protected GodwitConfiguration.Builder configure() {
        return Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema(schema());
    }

    @Override
    protected String scope() {
        return "postgresql";
    }

    /** A schema per test, so that tests never see each other's history. */
    private String schema() {
        return "inuse_" + Integer.toHexString(temp.hashCode());
    }
}
