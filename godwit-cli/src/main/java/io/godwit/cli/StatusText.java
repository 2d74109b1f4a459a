package io.godwit.cli;

import io.godwit.HistoryEntry;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

/** The human-readable form of {@code godwit status}: a header per subsystem, then one line per migration. */
final class StatusText {
    private StatusText() {
    }

    static void print(PrintWriter out, StatusReport report, Hints hints) {
        if (report.origin() != null) {
            out.println(report.origin().describe(report.database()));
        } else {
            out.println("Database " + report.database() + (report.initialized() ? ""
                    : hints.apply(" is not initialized (no migrations table): `godwit migrate` creates it")));
        }
        ReleaseText.header(report).forEach(out::println);
        for (SubsystemStatus s : report.subsystems()) {
            boolean foreign = report.origin() != null && report.origin().subsystems().contains(s.name());
            out.println(s.name() + ": " + (foreign ? s.applied().size() + " applied by " + report.origin().writer() : summary(s)));
            for (HistoryEntry e : s.applied()) {
                out.println("  applied  " + version(e.version()) + "  " + e.filename() + "  " + when(e) + ReleaseText.applied(s, e));
            }
            for (PlannedMigration m : s.pending()) {
                out.println("  pending  " + version(m.version()) + "  " + m.filename() + flags(m) + ReleaseText.pending(s, m));
            }
            if (s.problem() != null) {
                out.println("  problem  " + s.problem().getClass().getSimpleName() + ": " + hints.apply(s.problem().getMessage()));
            }
        }
    }

    private static String summary(SubsystemStatus s) {
        String counts = s.applied().size() + " applied, " + s.pending().size() + " pending";
        if (!s.configured()) {
            return counts + " (in the database but not configured here)";
        }
        if (s.problem() != null) {
            return counts + ", INCONSISTENT";
        }
        return counts + (s.current() ? ", current" : "");
    }

    private static String when(HistoryEntry e) {
        if (e.appliedAt() == null) {
            return "(applied at: unknown)";
        }
        return e.appliedAt().truncatedTo(ChronoUnit.SECONDS) + (e.durationMillis() == null ? "" : " (" + e.durationMillis() + " ms)");
    }

    static String flags(PlannedMigration m) {
        return (m.repeatable() ? "  [repeatable]" : "")
                + (m.noTransaction() ? "  [no transaction]" : "")
                + (m.confirmReason() != null ? "  [needs --confirm: " + m.confirmReason() + "]" : "")
                + (m.attention() != null ? "  [ATTENTION: " + m.attention() + "]" : "")
                + (m.empty() ? "  [WARNING: empty: it " + PlannedMigration.EMPTY_WARNING + "]" : "");
    }

    static String version(int version) {
        return String.format("%05d", version);
    }
}
