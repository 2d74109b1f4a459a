package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;
import io.godwit.InUseHolder;
import io.godwit.LockTimeoutError;
import io.godwit.StoreInUseError;
import io.godwit.spi.InUseHold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The "in use" hold of a SQLite store, in the folder {@code <database>.godwit-inuse} beside the
 * migration lock file: the {@code gate} file ({@link SqliteGate}), shared by clients and exclusive
 * for a change, and one file per holder naming it ({@link SqliteHolders}). The kernel drops a dead
 * process's locks, so a crashed client never blocks an upgrade.
 */
final class SqliteInUse {
    private static final long POLL_MILLIS = 25;

    private SqliteInUse() {
    }

    static InUseHold shared(Path folder, InUseHolder holder, Duration timeout, String database) {
        try {
            SqliteGate gate = gate(folder);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!gate.tryShared()) {
                if (System.nanoTime() >= deadline) {
                    String change = gate.text();
                    throw new LockTimeoutError(database, change.isBlank() ? "a change in progress" : change, timeout);
                }
                sleep(database);
            }
            try {
                SqliteHolders.Registration registration = SqliteHolders.register(folder, holder.describe());
                return () -> release(registration, gate, database);
            } catch (IOException | RuntimeException e) {
                gate.releaseShared();
                throw e;
            }
        } catch (IOException e) {
            throw new GodwitException("Cannot mark " + database + " in use in " + folder + ": " + e.getMessage(), e);
        }
    }

    static InUseHold exclusive(Path folder, InUseHolder self, String action, Duration timeout, String database) {
        try {
            SqliteGate gate = gate(folder);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!gate.tryExclusive(self.describe() + " (" + action + ")")) {
                if (System.nanoTime() >= deadline) {
                    List<String> holders = SqliteHolders.live(folder);
                    throw new StoreInUseError(database, action, holders.isEmpty()
                            ? List.of("a process that locked " + folder.resolve("gate") + " without naming itself") : holders, timeout);
                }
                sleep(database);
            }
            SqliteHolders.live(folder);   // clears the files of holders that died
            return () -> {
                try {
                    gate.releaseExclusive();
                } catch (IOException e) {
                    throw new GodwitException("Cannot release the hold on " + database + ": " + e.getMessage(), e);
                }
            };
        } catch (IOException e) {
            throw new GodwitException("Cannot check whether " + database + " is in use (" + folder + "): " + e.getMessage(), e);
        }
    }

    private static SqliteGate gate(Path folder) throws IOException {
        Files.createDirectories(folder);
        return SqliteGate.of(folder.resolve("gate"));
    }

    private static void release(SqliteHolders.Registration registration, SqliteGate gate, String database) {
        try {
            try {
                registration.remove();
            } finally {
                gate.releaseShared();
            }
        } catch (IOException e) {
            throw new GodwitException("Cannot release the in-use hold on " + database + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(String database) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for " + database, e);
        }
    }
}
