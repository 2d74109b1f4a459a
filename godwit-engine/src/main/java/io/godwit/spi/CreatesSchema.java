package io.godwit.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An optional ability of a {@link Database} whose tables live in a schema that may not exist yet
 * (PostgreSQL's {@code --schema}). The engine calls it once, in the transaction that creates the
 * history tables, before any migration of the first run: a failed first run then leaves no empty
 * schema behind, and migrators racing to create it are already serialised by the migration lock.
 * Detected with {@code instanceof} where the history is created.
 */
public interface CreatesSchema {
    /** Creates the schema if it is missing, on the caller's connection and transaction. */
    void createSchema(Connection connection) throws SQLException;
}
