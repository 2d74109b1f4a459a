package io.godwit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three workloads, each on every dialect: which rows each has, and which a quick run leaves
 * out. Each row is measured on its own ({@link Rows}): a row that fails is recorded with its reason
 * and the run goes on.
 */
final class Workloads {
    static final List<String> CHROMA = List.of("sysdb", "embeddings_queue", "metadb");

    private final Settings settings;
    private final Path out;
    private final PgAdmin pg;
    private final String pgMissing;
    private final Rows measure;
    private final List<Dialect> dialects;
    private final List<Row> rows = new ArrayList<>();
    private final long started = System.nanoTime();

    Workloads(Settings settings, Path out, Children children, PgAdmin pg, String pgMissing, List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
        this.settings = settings;
        this.out = out;
        this.pg = pg;
        this.pgMissing = pgMissing;
        this.measure = new Rows(settings, out, children, pg);
    }

    List<Row> rows() {
        return rows;
    }

    List<Dialect> dialects() {
        return dialects;
    }

    Fixture fixture(String name, List<String> subsystems, int per) {
        // Written for every dialect that takes the size, whichever this run measures, so that it is reused.
        List<Dialect> all = subsystems.size() * per > Settings.fullRun().w3PgMax() ? List.of(Dialect.SQLITE) : List.of(Dialect.values());
        return Fixture.write(out.resolve("fixtures").resolve(name), MigrationSet.generate(name, subsystems, per), all);
    }

    /** Workload 1, in one warm JVM and as new processes. */
    void validateChroma(Fixture f) throws Exception {
        String warm = "1 validate 3x10, warm JVM";
        String cold = "1 validate 3x10, cold process";
        for (Dialect d : dialects()) {
            if (missing(warm, d) | missing(cold, d)) {
                continue;
            }
            Settings.Iter shellIter = settings.w1Cold();
            add(measure.shellRead(warm, d, f, shellIter));
            add(measure.shellRead(cold, d, f, shellIter));
            List<String> coldTools = new ArrayList<>();
            List<Children.ColdCommand> coldCommands = new ArrayList<>();
            for (String tool : tools(false)) {
                Map<String, String> target = measure.seeded(d, tool, f);
                if (target.containsKey("failure")) {
                    add(Row.failed(warm, d, tool, target.get("failure")));
                    add(Row.failed(cold, d, tool, target.get("failure")));
                    continue;
                }
                add(measure.warmRow(warm, d, tool, f, "validate", target, settings.w1Warm()));
                coldTools.add(tool);
                coldCommands.add(measure.coldCommand(d, tool, f, target));
                if (tool.equals("godwit")) {
                    coldTools.add(Row.GODWIT_CLI);
                    coldCommands.add(measure.cliColdCommand(d, f, target));
                }
            }
            // The cold processes of every tool in interleaved rounds: they see the same load.
            measure.coldRows(cold, d, coldTools, coldCommands).forEach(this::add);
        }
    }

    /** Workload 2: apply every migration to an empty database, a new one per iteration. */
    void apply(Fixture f) throws Exception {
        String section = "2 apply " + String.format("%,d", f.set().size()) + " to an empty database";
        for (Dialect d : dialects()) {
            if (missing(section, d)) {
                continue;
            }
            add(measure.shellApply(section, d, f, settings.w2Godwit()));
            for (String tool : tools(true)) {
                if (settings.quick() && (tool.equals("flyway-group") || slowPeer(d, tool))) {
                    add(Row.skipped(section, d, tool, "quick mode: slow peer row, measured in the full run"));
                    continue;
                }
                Settings.Iter iter = tool.equals("godwit") ? settings.w2Godwit() : settings.w2Peers();
                Map<String, String> where = new LinkedHashMap<>();
                where.put("scratch", out.resolve("scratch").toString());
                where.put("pg", String.join(",", pg == null ? List.of() : pg.toArgs()));
                add(measure.warmRow(section, d, tool, f, "apply", where, iter));
            }
        }
    }

    /** Workload 3: validate a database with every migration of {@code f} applied. */
    void validateMany(int n, Fixture f, boolean skip, String skipReason) throws Exception {
        String section = "3 validate " + String.format("%,d", n) + " applied";
        for (Dialect d : dialects()) {
            if (d == Dialect.POSTGRESQL && n > settings.w3PgMax()) {
                if (settings.quick() && n <= Settings.fullRun().w3PgMax()) {
                    add(Row.skipped(section, d, "all", "quick mode: measured in the full run"));
                }
                continue;
            }
            if (skip) {
                add(Row.skipped(section, d, "all", skipReason));
                continue;
            }
            if (missing(section, d)) {
                continue;
            }
            add(measure.shellRead(section, d, f, settings.w1Cold()));
            for (String tool : tools(false)) {
                if (settings.quick() && n >= 10_000 && (slowPeer(d, tool) || tool.equals("liquibase"))) {
                    add(Row.skipped(section, d, tool, "quick mode: slow peer row, measured in the full run"));
                    continue;
                }
                Map<String, String> target = measure.seeded(d, tool, f);
                if (target.containsKey("failure")) {
                    add(Row.failed(section, d, tool, target.get("failure")));
                    continue;
                }
                Settings.Iter iter = tool.equals("godwit") ? settings.w3Godwit() : settings.w3Peers();
                add(measure.warmRow(section, d, tool, f, "validate", target, iter));
            }
        }
    }

    /** In quick mode, the peers' multi-second rows run on SQLite only (and Liquibase's 10,000 not at all). */
    private static boolean slowPeer(Dialect d, String tool) {
        return d == Dialect.POSTGRESQL && !tool.equals("godwit");
    }

    private List<String> tools(boolean apply) {
        List<String> all = new ArrayList<>(List.of("godwit"));
        all.add("flyway");
        if (apply) {
            all.add("flyway-group");
        }
        all.add("liquibase");
        return all;
    }

    private boolean missing(String section, Dialect d) {
        if (d == Dialect.POSTGRESQL && pg == null) {
            add(Row.failed(section, d, "all", "no PostgreSQL server: " + pgMissing));
            return true;
        }
        return false;
    }

    private void add(Row row) {
        rows.add(row);
        System.out.printf("  [%5.0f s] %-36s %-10s %-13s %s%n", (System.nanoTime() - started) / 1e9, row.section(),
                row.dialect().scope(), row.tool(),
                row.stats() != null ? row.stats() : row.missing());
    }
}
