package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

/** PLACEHOLDER: the PostgreSQL dialect is being written (issue 3). */
public final class PostgresDatabase implements Database {
    public PostgresDatabase(String url, String user, String password, String schema) {
        throw new GodwitException("PostgreSQL support is not built yet");
    }

    @Override public String scope() { return "postgresql"; }
    @Override public String describe() { return "postgresql"; }
    @Override public Optional<Connection> openForReading() { throw new UnsupportedOperationException(); }
    @Override public Connection openForWriting() { throw new UnsupportedOperationException(); }
    @Override public MigrationLock lock(Connection c, Duration t) { throw new UnsupportedOperationException(); }
    @Override public String table(String name) { return name; }
    @Override public boolean tableExists(Connection c, String name) { return false; }
}
