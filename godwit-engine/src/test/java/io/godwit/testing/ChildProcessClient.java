package io.godwit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run by {@link TestPostgresTest} in a separate JVM: {@code ChildProcessClient URL USER PASSWORD} connects,
 * inserts a row into table {@code seen_by_child} and prints the database it is in.
 */
public final class ChildProcessClient {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO seen_by_child VALUES (" + ProcessHandle.current().pid() + ")");
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                System.out.println("connected to " + rs.getString(1));
            }
        }
    }
}
