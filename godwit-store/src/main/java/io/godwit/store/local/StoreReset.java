package io.godwit.store.local;

import io.godwit.Godwit;
import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * reset: refused unless {@code allowReset}; otherwise drops every table of the store (records, log,
 * catalog, migration histories: one write transaction), re-runs the migrations and starts a new
 * epoch. Calls running on other threads meanwhile may fail; a reset is for tests and notebooks.
 */
final class StoreReset {
    private StoreReset() {
    }

    static void reset(Store store, Godwit engine) {
        if (!store.settings().allowReset()) {
            throw new StoreException(StoreException.Kind.FORBIDDEN, "Resetting the store is disabled: it would delete"
                    + " every tenant, database, collection and record. Enable it with Settings.withAllowReset(true)"
                    + " or GODWIT_ALLOW_RESET=true (allowReset).");
        }
        store.forgetAllVectors(true);
        store.connections().write("reset the store", c -> {
            if (store.postgres()) {
                for (String t : names(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                    Jdbc.execute(c, "DROP TABLE IF EXISTS \"" + t.replace("\"", "\"\"") + "\" CASCADE");
                }
            } else {
                Jdbc.execute(c, "PRAGMA defer_foreign_keys = ON");
                for (String t : names(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")) {
                    Jdbc.execute(c, "DROP TABLE IF EXISTS \"" + t + "\"");
                }
                for (String t : names(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                    Jdbc.execute(c, "DROP TABLE IF EXISTS \"" + t + "\"");
                }
            }
            return null;
        });
        // Our own hold would make the re-run wait for us; another client's still refuses it, naming that client.
        store.releaseInUse();
        engine.migrate();
        store.holdInUse(engine);
        store.connections().write("start a new epoch", c -> StoreEpoch.ensure(c));
        store.listener().storeReset();
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
