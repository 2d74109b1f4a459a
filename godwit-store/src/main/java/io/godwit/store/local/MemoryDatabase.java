package io.godwit.store.local;

import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The migration engine's view of the ephemeral store: the SQLite scope, connections to the same
 * in-memory database, and an in-process lock (no other process can reach an in-memory database).
 * It takes no backups: there is no file to keep.
 */
final class MemoryDatabase implements Database {
    private final MemoryConnections store;

    MemoryDatabase(MemoryConnections store) {
        this.store = store;
    }

    @Override
    public String scope() {
        return "sqlite";
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public Optional<Connection> openForReading() throws SQLException {
        return Optional.of(store.open());
    }

    @Override
    public Connection openForWriting() throws SQLException {
        return store.open();
    }

    @Override
    public MigrationLock lock(Connection connection, Duration timeout) {
        return () -> {
        };
    }

    @Override
    public String table(String name) {
        return name;
    }

    @Override
    public boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
