package io.godwit;

import java.util.List;

/**
 * A change of schema or a swap of the database (migrate with something pending, restore,
 * rollback, rehash, repair) needs the store not in use, and clients still hold it after the wait.
 * Nothing was changed. Names every holder and how to stop it.
 */
public class StoreInUseError extends DatabaseInUseError {
    private final List<String> holders;

    public StoreInUseError(String database, String action, List<String> holders, java.time.Duration waited) {
        super(database, String.join("; ", holders), "Cannot " + action + " " + database + " while it is in use: after "
                + waited.toSeconds() + " s, " + holders.size() + " client" + (holders.size() == 1 ? "" : "s")
                + " still hold" + (holders.size() == 1 ? "s" : "") + " it: " + String.join("; ", holders)
                + ". Stop them first (a `godwit run` server: SIGTERM or Ctrl-C; an application: close its client;"
                + " PostgreSQL: `SELECT pg_terminate_backend(pid)` ends a session), then run again. Nothing was changed."
                + " `--force` skips this check, at the risk the README describes (Versions and upgrades).", null);
        this.holders = List.copyOf(holders);
    }

    /** Each holder, described: pid, host, command and since when, as far as the dialect can tell. */
    public List<String> holders() {
        return holders;
    }
}
