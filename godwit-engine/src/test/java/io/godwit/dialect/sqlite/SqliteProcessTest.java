package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.LockTimeoutError;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.JavaProcess;
import io.godwit.testing.MigrateProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real JVMs racing for, and dying inside, a migration of one SQLite file. */
class SqliteProcessTest {
    @TempDir
    Path temp;

    /** A statement that keeps SQLite busy for seconds: long enough to be killed inside. */
    private static final String LONG_INSERT = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000)"
            + " INSERT INTO big (n) SELECT x FROM c;";

    @Test
    void twoProcessesRacingApplyEachMigrationExactlyOnce() throws Exception {
        Path db = temp.resolve("race.sqlite3");
        MigrationFolder folder = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        folder.add(1, "big", "CREATE TABLE big (n INTEGER);");
        folder.add(2, "fill", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000)"
                + " INSERT INTO big (n) SELECT x FROM c;");
        folder.add(3, "index", "CREATE INDEX big_n ON big (n);");

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(JavaProcess.start(MigrateProcess.class, List.of("sqlite:" + db, "alpha=" + folder.dir())));
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            outputs.add(out.lines().filter(l -> l.startsWith("APPLIED")).findFirst().orElse(out));
        }

        assertThat(outputs).containsExactlyInAnyOrder("APPLIED 3", "APPLIED 0");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            assertThat(count(st, "SELECT count(*) FROM migrations")).isEqualTo(3);
            assertThat(count(st, "SELECT count(*) FROM big")).isEqualTo(300000);
        }
    }

    @Test
    void aMigratorKilledMidMigrationLeavesTheOldVersion() throws Exception {
        Path db = temp.resolve("kill.sqlite3");
        MigrationFolder folder = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        folder.add(1, "big", "CREATE TABLE big (n INTEGER);\nINSERT INTO big (n) VALUES (-1);");
        Godwit.configure().sqlite(db).subsystem("alpha", folder.dir()).load().migrate();
        folder.add(2, "fill", "CREATE TABLE marker (x INTEGER);\n" + LONG_INSERT);
        folder.add(3, "after", "CREATE TABLE after_fill (x INTEGER);");

        Process p = JavaProcess.start(MigrateProcess.class, List.of("sqlite:" + db, "alpha=" + folder.dir()));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("Applying alpha/00002-fill")) {
            // wait until the long migration has started
        }
        assertThat(line).as("the migrator reached the long migration").isNotNull();
        // While it works, a second migrator waits a bounded time, then names the holder.
        assertThatThrownBy(() -> Godwit.configure().sqlite(db).subsystem("alpha", folder.dir())
                .lockTimeout(Duration.ofMillis(500)).load().migrate())
                .isInstanceOf(LockTimeoutError.class).hasMessageContaining("pid " + p.pid() + " on host ")
                .hasMessageContaining(" since ");
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.readString(db.resolveSibling("kill.sqlite3.godwit-lock"))).contains("pid " + p.pid());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            assertThat(count(st, "SELECT count(*) FROM migrations")).isEqualTo(1);
            assertThat(count(st, "SELECT count(*) FROM big")).isEqualTo(1);
            assertThat(count(st, "SELECT count(*) FROM sqlite_master WHERE name IN ('marker', 'after_fill')")).isZero();
        }
        // The dead process's lock is taken over; the run completes once the long migration is shortened.
        folder.add(2, "fill", "CREATE TABLE marker (x INTEGER);");
        assertThat(Godwit.configure().sqlite(db).subsystem("alpha", folder.dir()).load().migrate().applied()).hasSize(2);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
