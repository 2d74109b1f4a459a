package io.godwit.contract;

import io.godwit.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * A Java migration for the contract suite: upper-cases every item's name row by row (work SQL
 * could do, written in Java to prove the mechanism), or throws half-way when told to.
 */
public record TestJavaMigration(int version, String checksum, boolean failHalfWay) implements JavaMigration {

    @Override
    public String description() {
        return "uppercase-names";
    }

    @Override
    public Set<String> scopes() {
        return Set.of("sqlite", "postgresql");
    }

    @Override
    public void migrate(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name FROM items ORDER BY id");
             PreparedStatement update = c.prepareStatement("UPDATE items SET name = ? WHERE id = ?")) {
            while (rs.next()) {
                update.setString(1, rs.getString(2).toUpperCase(java.util.Locale.ROOT));
                update.setInt(2, rs.getInt(1));
                update.executeUpdate();
                if (failHalfWay) {
                    throw new IllegalStateException("refusing to continue");
                }
            }
        }
    }
}
