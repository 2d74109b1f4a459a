package io.godwit.store.schema;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The built-in subsystems on a SQLite file; data connections enforce foreign keys. */
class SqliteBuiltinMigrationsTest extends BuiltinMigrationsTest {

    private Path file() {
        return temp.resolve("store.sqlite3");
    }

    @Override
    protected GodwitConfiguration.Builder database() {
        return Godwit.configure().sqlite(file());
    }

    @Override
    protected Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file(), config.toProperties());
    }
}
