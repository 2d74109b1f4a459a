package io.godwit.store.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StatementCache on real SQLite files in WAL mode: statements are reused, never shared, and keep no snapshot. */
class StatementCacheTest {
    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite3"));
        Jdbc.execute(c, "PRAGMA journal_mode = WAL");
        return c;
    }

    @Test
    void aClosedStatementIsHandedOutAgainAndAnOpenOneIsNot() throws SQLException {
        try (Connection raw = open(); Connection c = StatementCache.wrap(raw)) {
            Jdbc.execute(raw, "CREATE TABLE t (v INTEGER)");
            PreparedStatement first = c.prepareStatement("SELECT count(*) FROM t WHERE v > ?");
            PreparedStatement real = first.unwrap(PreparedStatement.class);
            PreparedStatement nested = c.prepareStatement("SELECT count(*) FROM t WHERE v > ?");
            PreparedStatement nestedReal = nested.unwrap(PreparedStatement.class);
            assertNotSame(real, nestedReal, "a statement in use is not handed out twice");
            nested.close();
            first.close();
            assertTrue(first.isClosed());
            PreparedStatement again = c.prepareStatement("SELECT count(*) FROM t WHERE v > ?");
            PreparedStatement reused = again.unwrap(PreparedStatement.class);
            assertTrue(reused == real || reused == nestedReal, "a kept statement is reused");
            again.close();
            assertTrue(c.isWrapperFor(SQLiteConnection.class));
            assertEquals(c, c);
            assertFalse(c.equals(raw));
        }
    }

    @Test
    void reusedStatementsBindAfreshAndAnswerRight() throws SQLException {
        try (Connection c = StatementCache.wrap(open())) {
            Jdbc.execute(c, "CREATE TABLE t (v INTEGER)");
            for (int i = 0; i < 10; i++) {
                Jdbc.update(c, "INSERT INTO t (v) VALUES (?)", i);
            }
            for (int above = 0; above < 10; above++) {
                assertEquals(9 - above, Jdbc.longValue(c, -1, "SELECT count(*) FROM t WHERE v > ?", above));
            }
        }
    }

    /** A result set left open by its caller is closed when its statement comes back, so no read snapshot stays open. */
    @Test
    void aStatementGivenBackHoldsNoSnapshot() throws SQLException {
        try (Connection writer = open(); Connection reader = StatementCache.wrap(open())) {
            Jdbc.execute(writer, "CREATE TABLE t (v INTEGER)");
            Jdbc.update(writer, "INSERT INTO t (v) VALUES (1)");
            StatementCache.execute(reader, "BEGIN");
            PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM t");
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals(1, rs.getLong(1));
            ps.close();   // rs left open by the caller
            StatementCache.execute(reader, "COMMIT");
            Jdbc.update(writer, "INSERT INTO t (v) VALUES (2)");
            try (PreparedStatement cp = writer.prepareStatement("PRAGMA wal_checkpoint(TRUNCATE)");
                 ResultSet r = cp.executeQuery()) {
                assertTrue(r.next());
                assertEquals(0, r.getInt(1), "the checkpoint was not blocked by a reader's snapshot");
            }
            StatementCache.execute(reader, "BEGIN");
            assertEquals(2, Jdbc.longValue(reader, -1, "SELECT count(*) FROM t"));
            StatementCache.execute(reader, "COMMIT");
        }
    }

    @Test
    void aFailedStatementIsNotKeptBroken() throws SQLException {
        try (Connection c = StatementCache.wrap(open())) {
            Jdbc.execute(c, "CREATE TABLE t (v INTEGER PRIMARY KEY)");
            Jdbc.update(c, "INSERT INTO t (v) VALUES (?)", 1);
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> Jdbc.update(c, "INSERT INTO t (v) VALUES (?)", 1));
            assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
            Jdbc.update(c, "INSERT INTO t (v) VALUES (?)", 2);
            assertEquals(2, Jdbc.longValue(c, -1, "SELECT count(*) FROM t"));
        }
    }
}
