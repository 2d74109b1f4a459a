package io.godwit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.GodwitException;
import io.godwit.HistoryEntry;
import io.godwit.Plan;
import io.godwit.PlannedMigration;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON the commands print with {@code --json}. Field names are a public contract, documented
 * in the README (Command line), that scripts parse: snake_case, every field always present (null when unknown),
 * and fields are only ever added, never renamed or removed. Built node by node, not from the
 * engine's records, so that a change in the engine cannot change this output by accident.
 */
final class JsonReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code godwit status --json}. */
    static ObjectNode status(StatusReport report) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("database", report.database())
                .put("initialized", report.initialized())
                .put("current", report.current());
        // Null unless another tool (Chroma) wrote the history: then who, and what to do.
        root.set("written_by", report.foreignOrigin().<JsonNode>map(o -> MAPPER.createObjectNode()
                .put("writer", o.writer()).put("message", o.describe(report.database()))).orElse(null));
        ArrayNode subsystems = root.putArray("subsystems");
        for (SubsystemStatus s : report.subsystems()) {
            ObjectNode node = subsystems.addObject()
                    .put("name", s.name())
                    .put("configured", s.configured())
                    .put("current", s.current());
            ArrayNode applied = node.putArray("applied");
            s.applied().forEach(e -> applied.add(applied(e)));
            ArrayNode pending = node.putArray("pending");
            s.pending().forEach(m -> pending.add(migration(m, false)));
            node.set("problem", problem(s.problem()));
        }
        ReleaseJson.addTo(root, report);
        return root;
    }

    /** {@code godwit plan --json}: {@code sql} is the file's text with {@code --sql}, else null. */
    static ObjectNode plan(Plan plan, boolean withSql) {
        ObjectNode root = MAPPER.createObjectNode().put("database", plan.database()).put("count", plan.migrations().size());
        ArrayNode migrations = root.putArray("migrations");
        plan.migrations().forEach(m -> migrations.add(migration(m, withSql)));
        return root;
    }

    /** {@code godwit validate --json}: {@code problem} is null exactly when {@code current} is true. */
    static ObjectNode validation(String database, GodwitException problem) {
        ObjectNode root = MAPPER.createObjectNode().put("database", database).put("current", problem == null);
        root.set("problem", problem(problem));
        return root;
    }

    private static ObjectNode applied(HistoryEntry e) {
        return MAPPER.createObjectNode()
                .put("version", e.version())
                .put("filename", e.filename())
                .put("hash", e.hash())
                .put("applied_at", e.appliedAt() == null ? null : e.appliedAt().toString())
                .put("duration_ms", e.durationMillis())
                .put("hash_algorithm", e.hashAlgorithm());
    }

    private static ObjectNode migration(PlannedMigration m, boolean withSql) {
        return MAPPER.createObjectNode()
                .put("subsystem", m.subsystem())
                .put("version", m.version())
                .put("filename", m.filename())
                .put("description", m.description())
                .put("repeatable", m.repeatable())
                .put("no_transaction", m.noTransaction())
                .put("confirm_reason", m.confirmReason())
                .put("attention", m.attention())
                .put("empty", m.empty())
                .put("sql", withSql ? m.sql() : null);
    }

    private static ObjectNode problem(GodwitException e) {
        if (e == null) {
            return null;
        }
        return MAPPER.createObjectNode()
                .put("type", e.getClass().getSimpleName())
                .put("message", e.getMessage())
                .put("exit_code", e.exitCode());
    }
}
