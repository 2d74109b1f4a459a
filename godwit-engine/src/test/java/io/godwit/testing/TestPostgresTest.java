package io.godwit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void getReturnsOneServerPerJvm() {
        assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
        assertThat(TestPostgres.get().adminUrl()).startsWith("jdbc:postgresql://").contains("user=");
    }

    @Test
    void databasesAreDistinctAndUsable() throws SQLException {
        TestDatabase one = TestPostgres.get().createDatabase();
        TestDatabase two = TestPostgres.get().createDatabase();
        assertThat(one.name()).isNotEqualTo(two.name()).startsWith("godwit_t_");
        assertThat(one.url()).doesNotContain("password").doesNotContain("user=");

        try (Connection c = one.connect()) {
            c.createStatement().execute("CREATE TABLE only_in_one (id int)");
            c.createStatement().execute("INSERT INTO only_in_one VALUES (1)");
        }
        assertThat(tableExists(one, "only_in_one")).isTrue();
        assertThat(tableExists(two, "only_in_one")).isFalse();
        assertThat(currentDatabase(one)).isEqualTo(one.name());
        assertThat(currentDatabase(two)).isEqualTo(two.name());
    }

    @Test
    void anotherJvmConnectsToTheSameDatabase() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        try (Connection c = db.connect()) {
            c.createStatement().execute("CREATE TABLE seen_by_child (pid bigint)");
        }

        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ChildProcessClient.class.getName(), db.url(), db.user(), db.password())
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child exited").isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("connected to " + db.name());
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT pid FROM seen_by_child")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(child.pid());
        }
    }

    private static boolean tableExists(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String currentDatabase(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
