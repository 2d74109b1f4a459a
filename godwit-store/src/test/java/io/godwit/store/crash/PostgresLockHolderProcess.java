package io.godwit.store.crash;

import io.godwit.store.local.PostgresConnections;

import java.time.Duration;

/**
 * Holds a PostgreSQL store's write lock in its own JVM, as a long write would:
 * {@code PostgresLockHolderProcess URL USER} (the password in {@code GODWIT_TEST_DB_PASSWORD}) opens
 * the store's connections, begins a write, prints {@code HOLDING} and waits until its stdin closes;
 * then the write commits nothing and the process ends.
 */
public final class PostgresLockHolderProcess {
    public static void main(String[] args) {
        try (PostgresConnections c = new PostgresConnections(args[0], args[1], System.getenv("GODWIT_TEST_DB_PASSWORD"),
                Duration.ofSeconds(5))) {
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
