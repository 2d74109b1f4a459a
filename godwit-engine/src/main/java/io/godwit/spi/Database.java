package io.godwit.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where migrations go: one database, reached through JDBC. The engine owns the safety protocol;
 * a database only knows how to connect, lock, and say what SQL it speaks.
 */
public interface Database {

    /**
     * The scope of the migration files this database runs: {@code sqlite} or {@code postgresql}.
     * It also chooses how scripts are split into statements.
     */
    String scope();

    /** A description for messages, never a password. */
    String describe();

    /**
     * A connection to an existing database for reading only, or empty when there is no database
     * yet. Called by validate, status and plan, which must never create or write anything.
     */
    Optional<Connection> openForReading() throws SQLException;

    /** A connection for writing, creating the database if needed. Auto-commit is on. */
    Connection openForWriting() throws SQLException;

    /**
     * Takes the migration lock, waiting at most {@code timeout}; past it throws
     * {@link io.godwit.LockTimeoutError} naming the holder. Called once per applying run, before
     * the history is read for the last time.
     */
    MigrationLock lock(Connection connection, Duration timeout) throws SQLException;

    /** The qualified name of a Godwit table: {@code migrations} or {@code schema.migrations}. */
    String table(String name);

    /**
     * Which of the named Godwit tables exist. Called once per history read; a dialect answers in
     * one query, the default asks {@link #tableExists} for each.
     */
    default java.util.Set<String> existingTables(Connection connection, java.util.Set<String> names) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (String name : names) {
            if (tableExists(connection, name)) {
                found.add(name);
            }
        }
        return found;
    }

    /** True when the named Godwit table exists. */
    boolean tableExists(Connection connection, String name) throws SQLException;

    /** Called after a failed run that created the database, so that nothing is left behind. */
    default void discardCreated() {
    }
}
