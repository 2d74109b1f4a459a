package io.godwit.release;

import io.godwit.DatabaseAheadError;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this release will do with a store, as status tells an operator before an upgrade.
 *
 * @param action  the answer
 * @param message one sentence saying it and what to do
 * @param reasons for {@link Action#OPERATOR}, each migration awaiting an operator and why; for
 *                {@link Action#REFUSE}, each refusal's message; otherwise empty
 */
public record UpgradeVerdict(Action action, String message, List<String> reasons) {

    public enum Action {
        /** Nothing to do: the store is at this release's schema. */
        CURRENT,
        /** Pending migrations run by themselves: {@code godwit migrate}, or the first client that opens the store. */
        MIGRATE,
        /** Pending migrations wait for an operator: {@code -- godwit:confirm} ones, or an unfinished one to resolve. */
        OPERATOR,
        /** This release will not open the store: it is ahead of this code, inconsistent, or another tool's. */
        REFUSE;

        /** The JSON and text label: {@code current}, {@code migrate}, {@code operator}, {@code refuse}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public UpgradeVerdict {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
    }

    /** The verdict on a status report; graver news first: refusals, then operators, then migrations. */
    public static UpgradeVerdict of(StatusReport report) {
        if (report.origin() != null) {
            return new UpgradeVerdict(Action.REFUSE, "This release refuses the store: " + report.origin().writer()
                    + " wrote its history. " + report.origin().advice(), List.of());
        }
        List<String> refusals = new ArrayList<>();
        boolean ahead = false;
        for (SubsystemStatus s : configured(report)) {
            if (s.problem() != null) {
                refusals.add(s.problem().getMessage());
                ahead |= s.problem() instanceof DatabaseAheadError;
            }
        }
        if (!refusals.isEmpty()) {
            return new UpgradeVerdict(Action.REFUSE, ahead ? aheadMessage(report)
                    : "This release refuses the store until its history is consistent (below).", refusals);
        }
        if (!report.initialized()) {
            return new UpgradeVerdict(Action.MIGRATE, "The store is not initialized: `godwit migrate`, or the first"
                    + " client that opens it, creates it.", List.of());
        }
        List<String> waiting = new ArrayList<>();
        int pending = 0;
        for (SubsystemStatus s : configured(report)) {
            for (PlannedMigration m : s.pending()) {
                pending++;
                if (m.attention() != null) {
                    waiting.add(m.subsystem() + "/" + m.filename() + ": " + m.attention());
                } else if (m.confirmReason() != null) {
                    waiting.add(m.subsystem() + "/" + m.filename() + ": " + m.confirmReason());
                }
            }
        }
        if (!waiting.isEmpty()) {
            return new UpgradeVerdict(Action.OPERATOR, waiting.size() + " of " + pending + " pending migrations need an"
                    + " operator: read each reason, back up, then run `godwit migrate --confirm` (or `godwit resolve` for"
                    + " an unfinished one). Clients opening the store refuse it until then.", waiting);
        }
        if (pending > 0) {
            return new UpgradeVerdict(Action.MIGRATE, pending + " pending migration" + (pending == 1 ? "" : "s")
                    + " run by themselves: `godwit migrate`, or the first client that opens the store, applies them"
                    + crossing(report) + ".", List.of());
        }
        return new UpgradeVerdict(Action.CURRENT, "Nothing to do: the store is at this release's schema.", List.of());
    }

    private static String aheadMessage(StatusReport report) {
        String by = report.lastMigration().map(HistoryRelease::godwitVersion).filter(Objects::nonNull)
                .map(v -> " (last migrated by Godwit " + v + ")").orElse("");
        return "This release refuses the store: a newer release upgraded it" + by + ". Run that release or a newer"
                + " one, or restore a backup taken before the upgrade (`godwit rollback`).";
    }

    /** ", crossing from release 0.1.x to 0.2.x, a major upgrade: ..." when a subsystem's series changes. */
    private static String crossing(StatusReport report) {
        Optional<ReleaseStanding> major = configured(report).stream().map(SubsystemStatus::releases)
                .filter(Objects::nonNull).filter(ReleaseStanding::crossesSeries).findFirst();
        return major.map(r -> ", crossing from release " + r.store().series() + " to " + r.code().series()
                + ", a major upgrade: follow the upgrade runbook (back up, stop every client, migrate, verify, start)")
                .orElse("");
    }

    private static List<SubsystemStatus> configured(StatusReport report) {
        return report.subsystems().stream().filter(SubsystemStatus::configured).toList();
    }
}
