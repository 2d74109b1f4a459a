package io.godwit;

import io.godwit.contract.MigrationFolder;
import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.spi.MigrationLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine tells its {@link EngineListener}, in order, on a real SQLite file. */
class EngineListenerTest {
    @TempDir
    Path dir;

    /** Writes down each event as a line; durations and sizes only as "positive". */
    static final class Recording implements EngineListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(String database, int pending) {
            events.add("run " + pending);
        }

        @Override
        public void runFinished(String database, int applied, Duration took, GodwitException failure) {
            events.add("finished " + applied + (failure == null ? "" : " " + failure.getClass().getSimpleName()));
        }

        @Override
        public void migrationStarted(String subsystem, int version, String filename) {
            events.add("start " + subsystem + "/" + version);
        }

        @Override
        public void migrationApplied(String subsystem, int version, String filename, Duration took) {
            events.add("applied " + subsystem + "/" + version + (took.isNegative() ? " negative" : ""));
        }

        @Override
        public void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
            events.add("failed " + subsystem + "/" + version + " " + error.getClass().getSimpleName());
        }

        @Override
        public void pending(String subsystem, int count) {
            events.add("pending " + subsystem + " " + count);
        }

        @Override
        public void lockAcquired(String database, Duration waited) {
            events.add("lock");
        }

        @Override
        public void lockTimedOut(String database, Duration waited) {
            events.add("lock timeout " + (waited.toMillis() >= 300));
        }

        @Override
        public void backupTaken(String database, String kind, Duration took, long bytes) {
            events.add("backup " + kind + " " + (bytes > 0));
        }
    }

    private final Recording recording = new Recording();

    private GodwitConfiguration.Builder configure(MigrationFolder alpha) {
        return Godwit.configure().sqlite(dir.resolve("db.sqlite3")).subsystem("alpha", alpha.dir()).events(recording);
    }

    @Test
    void aRunReportsPendingStartsAndCommitsInOrder() {
        MigrationFolder alpha = new MigrationFolder(dir.resolve("alpha"), "sqlite");
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        alpha.add(2, "two", "CREATE TABLE two (x INTEGER);");

        configure(alpha).load().migrate();

        assertThat(recording.events).containsExactly("lock", "pending alpha 2", "run 2", "start alpha/1", "start alpha/2",
                "applied alpha/1", "applied alpha/2", "finished 2", "pending alpha 0");
    }

    @Test
    void aFailedMigrationIsReportedAndNothingOfItsRunCountsAsApplied() {
        MigrationFolder alpha = new MigrationFolder(dir.resolve("alpha"), "sqlite");
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        configure(alpha).load().migrate();
        alpha.add(2, "two", "CREATE TABLE two (x INTEGER);");
        alpha.add(3, "broken", "CREATE TABLE nonsense (;");
        recording.events.clear();

        assertThatThrownBy(() -> configure(alpha).load().migrate()).isInstanceOf(MigrationFailedError.class);

        assertThat(recording.events).containsExactly("pending alpha 2", "lock", "pending alpha 2",
                "backup before-migrate true", "run 2",
                "start alpha/2", "start alpha/3", "failed alpha/3 MigrationFailedError", "finished 0 MigrationFailedError");
        recording.events.clear();
        configure(alpha).load().status();
        assertThat(recording.events).containsExactly("pending alpha 2");
    }

    @Test
    void aLockTimeoutIsReported() throws Exception {
        MigrationFolder alpha = new MigrationFolder(dir.resolve("alpha"), "sqlite");
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        configure(alpha).load().migrate();
        alpha.add(2, "two", "CREATE TABLE two (x INTEGER);");
        recording.events.clear();
        SqliteDatabase db = new SqliteDatabase(dir.resolve("db.sqlite3"), Duration.ofSeconds(1));
        try (Connection c = db.openForWriting(); MigrationLock held = db.lock(c, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> configure(alpha).lockTimeout(Duration.ofMillis(300)).load().migrate())
                    .isInstanceOf(LockTimeoutError.class);
        }
        assertThat(recording.events).containsExactly("pending alpha 1", "lock timeout true");
    }

    @Test
    void aManualBackupIsReported() {
        MigrationFolder alpha = new MigrationFolder(dir.resolve("alpha"), "sqlite");
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        Godwit godwit = configure(alpha).load();
        godwit.migrate();
        recording.events.clear();

        godwit.backup(dir.resolve("copy.sqlite3"));

        assertThat(recording.events).containsExactly("backup manual true");
    }
}
