package io.godwit.internal;

import io.godwit.ConfirmationRequiredError;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.PlannedMigration;
import io.godwit.UnfinishedMigrationError;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a run applies: every configured subsystem's pending migrations (after the history
 * was found consistent), cut by {@code --only} and {@code --target}, and refused where a migration
 * needs attention or an operator's confirmation.
 */
final class PendingSelection {
    private PendingSelection() {
    }

    /** Checks every subsystem and returns what to apply, in order. Throws on the first problem. */
    static List<Migration> select(GodwitConfiguration config, SourceCatalog catalog, History history) {
        return select(config, catalog, history, true);
    }

    /**
     * As {@link #select}, for the read before the lock: there a {@code running} state may be a live
     * migrator's (it commits that state before its work), so it is judged only under the lock.
     */
    static List<Migration> selectBeforeLock(GodwitConfiguration config, SourceCatalog catalog, History history) {
        return select(config, catalog, history, false);
    }

    private static List<Migration> select(GodwitConfiguration config, SourceCatalog catalog, History history,
                                          boolean locked) {
        List<Migration> selected = selectIgnoringAttention(config, catalog, history);
        for (Migration m : selected) {
            String state = history.unfinishedState(m.subsystem(), m.version());
            if (state != null && (locked || !state.equals(HistoryTables.STATE_RUNNING))) {
                throw new UnfinishedMigrationError(m.subsystem(), m.version(), m.filename(), state, attention(m, state));
            }
            if (m.confirmReason() != null && !config.confirmed()) {
                throw new ConfirmationRequiredError(m.subsystem(), m.version(), m.filename(), m.confirmReason());
            }
        }
        return selected;
    }

    /** The consistent, filtered pending list, without refusing gated or unfinished migrations. */
    static List<Migration> selectIgnoringAttention(GodwitConfiguration config, SourceCatalog catalog, History history) {
        List<Migration> selected = new ArrayList<>();
        // Repeatables run after every versioned migration, and only for subsystems brought fully up to date.
        List<Migration> repeatables = new ArrayList<>();
        for (String subsystem : catalog.subsystems()) {
            List<Migration> pending = SequenceCheck.pending(subsystem, history.applied(subsystem),
                    catalog.migrations(subsystem), config.hashAlgorithm());
            if (!config.only().isEmpty() && !config.only().contains(subsystem)) {
                continue;
            }
            List<Migration> cut = cutAtTarget(config, subsystem, history.applied(subsystem).size(), pending);
            selected.addAll(cut);
            if (cut.size() == pending.size()) {
                repeatables.addAll(changedRepeatables(catalog, history, subsystem));
            }
        }
        selected.addAll(repeatables);
        return selected;
    }

    /** Repeatable migrations never applied, or changed since they last were. */
    static List<Migration> changedRepeatables(SourceCatalog catalog, History history, String subsystem) {
        return catalog.repeatables(subsystem).stream()
                .filter(m -> !m.hash().equals(history.repeatableHash(subsystem, m.filename())))
                .toList();
    }

    private static List<Migration> cutAtTarget(GodwitConfiguration config, String subsystem, int current,
                                               List<Migration> pending) {
        Integer target = config.targets().get(subsystem);
        if (target == null) {
            return pending;
        }
        if (target < current) {
            throw new GodwitException("Target " + subsystem + "=" + target + " is below the current version "
                    + current + ": migrations are never undone one by one. To go back, restore the backup taken"
                    + " before the upgrade with `godwit rollback` (or `godwit restore --from FILE`).");
        }
        return pending.stream().filter(m -> m.version() <= target).toList();
    }

    /** The message for a no-transaction migration that started and did not finish. */
    static String attention(Migration m, String state) {
        return "Migration " + m.path() + " (version " + m.version() + ") ran outside a transaction and did not finish"
                + " (state: " + state + "): it may be half-applied. Check the database, then either re-run it with"
                + " `godwit resolve --retry " + m.subsystem() + "/" + m.version() + "` or, if its work is complete,"
                + " mark it applied with `godwit resolve --mark-applied " + m.subsystem() + "/" + m.version() + "`.";
    }

    static PlannedMigration planned(Migration m, History history) {
        String state = history.unfinishedState(m.subsystem(), m.version());
        return new PlannedMigration(m.subsystem(), m.version(), m.filename(), m.description(), m.text(),
                m.noTransaction(), m.confirmReason(), state == null ? null : attention(m, state), m.repeatable(), m.empty());
    }
}
