package io.godwit.store.schema;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The built-in subsystems in a schema of a new PostgreSQL database. */
class PostgresBuiltinMigrationsTest extends BuiltinMigrationsTest {
    private static final String SCHEMA = "store";
    private TestDatabase pg;

    @Override
    protected GodwitConfiguration.Builder database() {
        if (pg == null) {
            pg = TestPostgres.get().createDatabase();
        }
        return Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema(SCHEMA);
    }

    @Override
    protected Connection connect() throws SQLException {
        Connection c = pg.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }
}
