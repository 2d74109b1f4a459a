package io.godwit.store.metadata;

import io.godwit.Godwit;
import io.godwit.store.BuiltinSubsystems;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** The filter table on a real SQLite file, with the regex function registered as the store does. */
class SqliteFilterTableTest extends FilterTableContract {
    @TempDir
    static Path temp;

    @Override
    Connection open() throws Exception {
        Path file = temp.resolve("filters.sqlite3");
        Godwit.configure().sqlite(file).subsystems(BuiltinSubsystems.all()).load().migrate();
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        RecordFilter.registerFunctions(c);
        return c;
    }

    @Override
    boolean postgres() {
        return false;
    }
}
