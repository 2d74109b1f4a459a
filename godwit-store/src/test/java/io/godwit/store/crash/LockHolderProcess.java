package io.godwit.store.crash;

import io.godwit.store.local.SqliteConnections;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Holds the store's write lock in its own JVM, as a long write would: {@code LockHolderProcess FILE}
 * opens the store's connections on FILE, begins a write, prints {@code HOLDING} and waits until its
 * stdin closes; then the write commits nothing and the process ends.
 */
public final class LockHolderProcess {
    public static void main(String[] args) {
        try (SqliteConnections c = new SqliteConnections(Path.of(args[0]), Duration.ofSeconds(5))) {
            c.write("hold the write lock", connection -> {
                System.out.println("HOLDING");
                System.out.flush();
                try {
                    while (System.in.read() >= 0) {
                        // wait for the parent to close our stdin
                    }
                } catch (java.io.IOException closed) {
                    // the parent is gone: stop holding
                }
                return null;
            });
        } catch (Exception e) {
            System.out.println("FAILED " + e);
        }
    }
}
