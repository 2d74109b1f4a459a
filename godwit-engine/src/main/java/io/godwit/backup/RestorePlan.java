package io.godwit.backup;

import io.godwit.HistoryEntry;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore (or rollback) will do, worked out before it does it, for an operator to confirm:
 * the verified backup, the migrations it undoes and the rows it loses, per table.
 *
 * @param undone migrations the live database has applied and the backup has not
 * @param tables every table in either, with its row counts; history tables are left out (see undone)
 */
public record RestorePlan(Path database, Backup backup, List<HistoryEntry> undone, List<TableRows> tables) {
    public RestorePlan {
        undone = List.copyOf(undone);
        tables = List.copyOf(tables);
    }

    public long rowsLost() {
        return tables.stream().mapToLong(TableRows::lost).sum();
    }

    /** Tables with rows to lose, or that the restore drops or brings back. */
    public List<TableRows> changedTables() {
        return tables.stream().filter(t -> t.lost() > 0 || t.inCurrent() != t.inBackup()).toList();
    }
}
