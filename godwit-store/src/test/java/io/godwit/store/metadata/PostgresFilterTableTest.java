package io.godwit.store.metadata;

import io.godwit.Godwit;
import io.godwit.store.BuiltinSubsystems;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

import java.sql.Connection;

/** The filter table on a real PostgreSQL database ({@code $regex} decided by matchesDocument on the selected rows). */
class PostgresFilterTableTest extends FilterTableContract {

    @Override
    Connection open() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        Godwit.configure().url(db.url()).user(db.user()).password(db.password())
                .subsystems(BuiltinSubsystems.all()).load().migrate();
        return db.connect();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
