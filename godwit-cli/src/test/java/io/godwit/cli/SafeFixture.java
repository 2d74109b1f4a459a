package io.godwit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database of one custom subsystem {@code app} (no built-ins, so the output is short and exact)
 * for the safe-upgrade commands: {@link #args} gives the options every command needs.
 */
final class SafeFixture {
    final Path dir;
    final Path db;
    final Path app;

    SafeFixture(Path dir) throws IOException {
        this.dir = dir;
        this.db = dir.resolve("data").resolve("godwit.sqlite3");
        this.app = dir.resolve("app");
        Fixtures.write(app, "00001-items.sqlite.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "INSERT INTO items (name) VALUES ('a'), ('b');");
    }

    /** {@code command --db FILE --no-builtin --migrations-dir app=DIR more...} */
    String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command, "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + app));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    SafeFixture migrated() {
        CliRunner.Result r = CliRunner.run(args("migrate"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return this;
    }

    void addMigration(String name, String sql) throws IOException {
        Fixtures.write(app, name, sql);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    byte[] bytes() throws IOException {
        return Files.readAllBytes(db);
    }

    Path backups() {
        return db.resolveSibling("backups");
    }
}
