package io.godwit.cli;

import io.godwit.HistoryEntry;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;
import io.godwit.Version;
import io.godwit.release.HistoryRelease;
import io.godwit.release.ReleaseStanding;
import io.godwit.release.UpgradeVerdict;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The release part of {@code godwit status}: which Godwit release last migrated the store, what
 * this release will do with it, and which release each migration came from.
 */
final class ReleaseText {
    private ReleaseText() {
    }

    /** Lines after the database line: this release and the last migrator, the clients holding it, the verdict and its reasons. */
    static List<String> header(StatusReport report) {
        List<String> lines = new ArrayList<>();
        String last = report.lastMigration().map(ReleaseText::describe).orElse("no Godwit release has migrated the store yet");
        lines.add("Releases: this is Godwit " + Version.get() + "; " + last);
        lines.add(report.inUseBy().isEmpty() ? "In use by: no client"
                : "In use by " + report.inUseBy().size() + " client" + (report.inUseBy().size() == 1 ? "" : "s") + ": "
                  + String.join("; ", report.inUseBy()));
        UpgradeVerdict verdict = report.upgrade();
        lines.add("Upgrade: " + verdict.action().label() + ". " + verdict.message());
        if (verdict.action() == UpgradeVerdict.Action.OPERATOR) {
            verdict.reasons().forEach(r -> lines.add("  needs an operator  " + r));
        }
        return lines;
    }

    private static String describe(HistoryRelease last) {
        return "the store was last migrated by Godwit " + (last.godwitVersion() == null ? "(unknown release)" : last.godwitVersion())
                + " at " + last.appliedAt().truncatedTo(ChronoUnit.SECONDS) + " (" + last.migration() + ")";
    }

    /** "  release 0.1.0, applied by Godwit 0.1.0" after an applied line, when the subsystem has releases. */
    static String applied(SubsystemStatus s, HistoryEntry e) {
        ReleaseStanding r = s.releases();
        if (r == null) {
            return "";
        }
        String release = r.releaseOf(e.version()).map(v -> "release " + v).orElse("release unknown to this code");
        return "  " + release + (e.godwitVersion() == null ? "" : ", applied by Godwit " + e.godwitVersion());
    }

    /** "  release 0.2.0" after a pending line, when the subsystem has releases. */
    static String pending(SubsystemStatus s, PlannedMigration m) {
        ReleaseStanding r = s.releases();
        return r == null || m.repeatable() ? "" : r.releaseOf(m.version()).map(v -> "  release " + v).orElse("");
    }
}
