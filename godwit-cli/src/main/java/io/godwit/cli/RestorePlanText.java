package io.godwit.cli;

import io.godwit.HistoryEntry;
import io.godwit.backup.BackupManifest;
import io.godwit.backup.RestorePlan;
import io.godwit.backup.RestoreResult;
import io.godwit.backup.TableRows;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/** What a restore or rollback will do, and what it did, as the operator reads it. */
final class RestorePlanText {
    private RestorePlanText() {
    }

    static void print(PrintWriter out, RestorePlan plan) {
        BackupManifest m = plan.backup().manifest();
        out.println("Restoring " + plan.database() + " from " + plan.backup().file());
        out.println("  taken " + m.created() + " by godwit " + m.godwitVersion() + " (" + m.kind().label()
                + "), checksum verified");
        out.println("  versions in the backup: " + (m.versions().isEmpty() ? "none" : new java.util.TreeMap<>(m.versions())
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        if (plan.undone().isEmpty()) {
            out.println("No migration is undone.");
        } else {
            out.println("Migrations undone (" + plan.undone().size() + "):");
            for (HistoryEntry e : plan.undone()) {
                out.println("  " + e.dir() + "/" + e.filename());
            }
        }
        if (plan.changedTables().isEmpty()) {
            out.println("No rows are lost.");
        } else {
            out.println("Rows lost: " + plan.rowsLost() + " (row counts now against the backup; rows changed in place are not counted):");
            for (TableRows t : plan.changedTables()) {
                out.println("  " + t.table() + ": " + describe(t));
            }
        }
    }

    private static String describe(TableRows t) {
        if (!t.inBackup()) {
            return "dropped, with its " + t.current() + " rows";
        }
        if (!t.inCurrent()) {
            return "comes back, with " + t.backup() + " rows";
        }
        return t.lost() + " rows (" + t.current() + " now, " + t.backup() + " in the backup)";
    }

    static void printResult(PrintWriter out, RestoreResult result) {
        out.println("Restored " + result.database() + " from " + result.restoredFrom());
        result.replaced().ifPresent(kept -> out.println("  the replaced database is kept as " + kept));
    }
}
