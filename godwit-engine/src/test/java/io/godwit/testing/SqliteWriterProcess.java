package io.godwit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A writer in its own JVM: {@code SqliteWriterProcess FILE} inserts one row into each of the
 * tables {@code ledger_a} and {@code ledger_b} per transaction, in a loop, until its standard input
 * closes; so in any consistent copy the two tables have the same number of rows. Prints
 * {@code READY} after its first commit.
 */
public final class SqliteWriterProcess {
    public static void main(String[] args) throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            } catch (java.io.IOException ignored) {
                // the parent is gone either way
            }
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
            }
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO ledger_a (payload) VALUES (randomblob(200))");
                 PreparedStatement b = c.prepareStatement("INSERT INTO ledger_b (payload) VALUES (randomblob(200))")) {
                for (long i = 0; ; i++) {
                    a.executeUpdate();
                    b.executeUpdate();
                    c.commit();
                    if (i == 0) {
                        System.out.println("READY");
                        System.out.flush();
                    }
                }
            }
        }
    }
}
