package io.godwit.internal;

import io.godwit.spi.Database;

import java.util.List;

/**
 * The names and layout of the history. {@code migrations} keeps Chroma's exact layout, so that
 * Godwit reads histories Chroma wrote and Chroma reads Godwit's; everything more Godwit records
 * lives in the side table {@code godwit_migrations}, keyed the same way.
 */
public final class HistoryTables {
    public static final String MIGRATIONS = "migrations";
    public static final String SIDE = "godwit_migrations";
    /** Repeatable migrations have no version, so they cannot live in Chroma's table. */
    public static final String REPEATABLES = "godwit_repeatables";

    /** Side-table states. A no-transaction migration is marked running before it starts. */
    public static final String STATE_APPLIED = "applied";
    public static final String STATE_RUNNING = "running";
    public static final String STATE_FAILED = "failed";

    private HistoryTables() {
    }

    /**
     * DDL valid on SQLite and PostgreSQL alike, each {@code IF NOT EXISTS}: run at the start of
     * every applying transaction, so that a history another tool began gains Godwit's tables.
     */
    public static List<String> create(Database db) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + db.table(MIGRATIONS) + " ("
                        + "dir TEXT NOT NULL, version INTEGER NOT NULL, filename TEXT NOT NULL, "
                        + "sql TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (dir, version))",
                "CREATE TABLE IF NOT EXISTS " + db.table(SIDE) + " ("
                        + "dir TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT, duration_ms BIGINT, "
                        + "godwit_version TEXT, hash_algorithm TEXT, state TEXT NOT NULL, "
                        + "accepted_hashes TEXT, note TEXT, PRIMARY KEY (dir, version))",
                "CREATE TABLE IF NOT EXISTS " + db.table(REPEATABLES) + " ("
                        + "dir TEXT NOT NULL, filename TEXT NOT NULL, sql TEXT NOT NULL, hash TEXT NOT NULL, "
                        + "applied_at TEXT, duration_ms BIGINT, godwit_version TEXT, hash_algorithm TEXT, "
                        + "PRIMARY KEY (dir, filename))");
    }
}
