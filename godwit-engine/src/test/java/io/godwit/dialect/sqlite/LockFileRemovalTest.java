package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.JavaProcess;
import io.godwit.testing.MigrateProcess;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A holder of the migration lock may remove the lock's file (a failed first run does): a migrator in
 * another JVM that was already waiting on the removed file must not take that file's lock for the
 * migration lock, but lock the file now at the path and wait for its holder.
 */
class LockFileRemovalTest {
    @TempDir
    Path temp;

    @Test
    void aWaiterOnARemovedLockFileWaitsForTheHolderOfTheNewOne() throws Exception {
        Path db = temp.resolve("w.sqlite3");
        MigrationFolder folder = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        folder.add(1, "a", "CREATE TABLE a (x INTEGER);");
        Godwit.configure().sqlite(db).subsystem("alpha", folder.dir()).load().migrate();
        folder.add(2, "b", "CREATE TABLE b (x INTEGER);");
        Path lockFile = new SqliteDatabase(db, Duration.ofSeconds(5)).lockFile();

        SqliteFileLock first = SqliteFileLock.acquire(lockFile, Duration.ofSeconds(5), db.toString());
        Process waiter = JavaProcess.start(MigrateProcess.class, List.of("sqlite:" + db, "alpha=" + folder.dir()));
        awaitOpened(waiter, lockFile);
        Files.delete(lockFile);   // as a failed first run removes it, under the lock
        first.close();

        try (SqliteFileLock second = SqliteFileLock.acquire(lockFile, Duration.ofSeconds(60), db.toString())) {
            List<String> before = SqliteFiles.query(db, "SELECT count(*) FROM migrations");
            // The waiter now has the new file open (the removed one's descriptor reads "(deleted)"):
            // it waits on our lock. A waiter that had kept the removed file's lock migrates and exits instead.
            awaitOpened(waiter, lockFile);
            assertThat(SqliteFiles.query(db, "SELECT count(*) FROM migrations")).as("nothing applied while we hold the lock")
                    .isEqualTo(before);
        }

        String out = new String(waiter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waiter.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(waiter.exitValue()).as(out).isZero();
        assertThat(SqliteFiles.query(db, "SELECT count(*) FROM migrations")).containsExactly("2");
    }

    /** Waits until {@code process} has {@code file} open (Linux's /proc), i.e. waits on its lock. */
    private static void awaitOpened(Process process, Path file) throws Exception {
        Path fds = Path.of("/proc", String.valueOf(process.pid()), "fd");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the waiter runs").isTrue();
            if (holds(fds, file)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the waiter never opened " + file);
    }

    private static boolean holds(Path fds, Path file) {
        try (Stream<Path> open = Files.list(fds)) {
            return open.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false;   // closed meanwhile
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
