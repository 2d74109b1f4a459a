package io.godwit.store;

import io.godwit.GodwitException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The few JDBC chores the store repeats: one transaction around a block, one parameterized update. */
final class Sql {
    private Sql() {
    }

    interface Block {
        void run() throws SQLException;
    }

    /** Runs the block in one transaction: all of a write lands, or none of it. */
    static void run(Connection c, Block block) {
        try {
            c.setAutoCommit(false);
            try {
                block.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write to the store", e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static GodwitException failure(String action, SQLException e) {
        return new GodwitException("Could not " + action + ": " + e.getMessage(), e);
    }
}
