package io.godwit;

import java.util.List;

/**
 * What {@code verify} found. OK only when the file is sound, no foreign key dangles and every
 * history row still hashes to what it records.
 *
 * @param integrityChecked  false for a database without such checks (PostgreSQL keeps its own)
 * @param integrity         problems {@code PRAGMA integrity_check} reported; empty when sound
 * @param foreignKeys       rows {@code PRAGMA foreign_key_check} reported, one line each
 * @param history           hand-edited history rows
 * @param historyRowsChecked how many history rows were hashed
 */
public record VerifyReport(String database, boolean integrityChecked, List<String> integrity,
                           List<String> foreignKeys, List<HistoryProblem> history, int historyRowsChecked) {
    public VerifyReport {
        integrity = List.copyOf(integrity);
        foreignKeys = List.copyOf(foreignKeys);
        history = List.copyOf(history);
    }

    public boolean ok() {
        return integrity.isEmpty() && foreignKeys.isEmpty() && history.isEmpty();
    }
}
