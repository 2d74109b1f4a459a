package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.HistoryEntry;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;
import io.godwit.Version;
import io.godwit.release.ReleaseStanding;
import io.godwit.release.UpgradeVerdict;

/**
 * The release fields of {@code godwit status --json}, added to the nodes {@link JsonReports}
 * built (the same contract: snake_case, always present, null when unknown, never renamed):
 * {@code godwit_version}, {@code last_migrated_by}, {@code in_use_by}, {@code upgrade}; per subsystem
 * {@code release}; per applied migration {@code release} and {@code applied_by}; per pending one
 * {@code release}.
 */
final class ReleaseJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReleaseJson() {
    }

    static void addTo(ObjectNode root, StatusReport report) {
        root.put("godwit_version", Version.get());
        root.set("last_migrated_by", report.lastMigration().<JsonNode>map(l -> NODES.objectNode()
                .put("godwit_version", l.godwitVersion()).put("applied_at", l.appliedAt().toString())
                .put("migration", l.migration())).orElse(null));
        ArrayNode inUse = root.putArray("in_use_by");
        report.inUseBy().forEach(inUse::add);
        UpgradeVerdict verdict = report.upgrade();
        ObjectNode upgrade = root.putObject("upgrade").put("action", verdict.action().label()).put("message", verdict.message());
        ArrayNode reasons = upgrade.putArray("reasons");
        verdict.reasons().forEach(reasons::add);
        for (int i = 0; i < report.subsystems().size(); i++) {
            subsystem((ObjectNode) root.get("subsystems").get(i), report.subsystems().get(i));
        }
    }

    private static void subsystem(ObjectNode node, SubsystemStatus s) {
        ReleaseStanding r = s.releases();
        node.set("release", r == null ? null : NODES.objectNode().put("code", r.code().toString())
                .put("store", r.store() == null ? null : r.store().toString()).put("crosses_series", r.crossesSeries()));
        for (int i = 0; i < s.applied().size(); i++) {
            HistoryEntry e = s.applied().get(i);
            ((ObjectNode) node.get("applied").get(i)).put("release", release(r, e.version()))
                    .put("applied_by", e.godwitVersion());
        }
        for (int i = 0; i < s.pending().size(); i++) {
            PlannedMigration m = s.pending().get(i);
            ((ObjectNode) node.get("pending").get(i)).put("release", m.repeatable() ? null : release(r, m.version()));
        }
    }

    private static String release(ReleaseStanding r, int version) {
        return r == null ? null : r.releaseOf(version).map(Object::toString).orElse(null);
    }
}
