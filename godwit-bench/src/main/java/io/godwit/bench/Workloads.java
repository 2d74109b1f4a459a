package io.godwit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three workloads, each on every dialect, each row measured on its own: a row that fails is
 * recorded with its reason and the run goes on. Databases are made ready (seeded) untimed, by the
 * tool itself in a child JVM, before each measured row.
 */
final class Workloads {
    static final List<String> PEERS = List.of("flyway", "liquibase");
    static final List<String> CHROMA = List.of("sysdb", "embeddings_queue", "metadb");
    private static final Duration ROW_TIMEOUT = Duration.ofMinutes(15);

    private final Settings settings;
    private final Path out;
    private final Children children;
    private final PgAdmin pg;
    private final String pgMissing;
    private final Shell shell;
    private final List<Dialect> dialects;
    private final List<Row> rows = new ArrayList<>();
    private final long started = System.nanoTime();

    Workloads(Settings settings, Path out, Children children, PgAdmin pg, String pgMissing, List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
        this.settings = settings;
        this.out = out;
        this.children = children;
        this.pg = pg;
        this.pgMissing = pgMissing;
        this.shell = new Shell(pg);
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
            add(shellRead(warm, d, f, shellIter));
            add(shellRead(cold, d, f, shellIter));
            for (String tool : tools(false)) {
                Map<String, String> target = seeded(d, tool, f);
                if (target.containsKey("failure")) {
                    add(Row.failed(warm, d, tool, target.get("failure")));
                    add(Row.failed(cold, d, tool, target.get("failure")));
                    continue;
                }
                add(warmRow(warm, d, tool, f, "validate", target, settings.w1Warm()));
                add(coldRow(cold, d, tool, f, target));
            }
        }
    }

    /** Workload 2: apply every migration to an empty database, a new one per iteration. */
    void apply(Fixture f) throws Exception {
        String section = "2 apply " + String.format("%,d", f.set().size()) + " to an empty database";
        for (Dialect d : dialects()) {
            if (missing(section, d)) {
                continue;
            }
            add(shellApply(section, d, f, settings.w2Godwit()));
            for (String tool : tools(true)) {
                if (settings.quick() && (tool.equals("flyway-group") || slowPeer(d, tool))) {
                    add(Row.skipped(section, d, tool, "quick mode: slow peer row, measured in the full run"));
                    continue;
                }
                Settings.Iter iter = tool.equals("godwit") ? settings.w2Godwit() : settings.w2Peers();
                Map<String, String> where = new LinkedHashMap<>();
                where.put("scratch", out.resolve("scratch").toString());
                where.put("pg", String.join(",", pg == null ? List.of() : pg.toArgs()));
                add(warmRow(section, d, tool, f, "apply", where, iter));
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
            add(shellRead(section, d, f, settings.w1Cold()));
            for (String tool : tools(false)) {
                if (settings.quick() && n >= 10_000 && (slowPeer(d, tool) || tool.equals("liquibase"))) {
                    add(Row.skipped(section, d, tool, "quick mode: slow peer row, measured in the full run"));
                    continue;
                }
                Map<String, String> target = seeded(d, tool, f);
                if (target.containsKey("failure")) {
                    add(Row.failed(section, d, tool, target.get("failure")));
                    continue;
                }
                Settings.Iter iter = tool.equals("godwit") ? settings.w3Godwit() : settings.w3Peers();
                add(warmRow(section, d, tool, f, "validate", target, iter));
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

    /** A database of {@code tool} with every migration of {@code f} applied: its target words, or a failure. */
    private Map<String, String> seeded(Dialect d, String tool, Fixture f) throws Exception {
        String name = dbName(f, tool);
        Map<String, String> target = new LinkedHashMap<>();
        if (d == Dialect.SQLITE) {
            Path file = Files.createDirectories(out.resolve("db")).resolve(name + ".sqlite3").toAbsolutePath();
            Cleanup.deleteSqlite(file);
            target.put("url", "jdbc:sqlite:" + file);
            target.put("user", "");
            target.put("password", "");
        } else {
            Target t;
            try {
                t = pg.recreate(name);
            } catch (Exception e) {
                return Map.of("failure", "setup: " + Failures.reason(e));
            }
            target.put("url", t.url());
            target.put("user", t.user());
            target.put("password", t.password());
        }
        Map<String, String> args = base(tool, "seed", d, f);
        args.putAll(target);
        Children.Outcome o;
        try {
            o = children.row(tool, "seed-" + f.set().name() + "-" + d.scope() + "-" + tool, args, ROW_TIMEOUT);
        } catch (Exception e) {
            return Map.of("failure", "setup: " + Failures.reason(e));
        }
        if (!o.ok()) {
            return Map.of("failure", "setup: " + o.failure());
        }
        return target;
    }

    private Row warmRow(String section, Dialect d, String tool, Fixture f, String action, Map<String, String> where,
                        Settings.Iter iter) {
        try {
            return measureWarm(section, d, tool, f, action, where, iter);
        } catch (Exception e) {
            return Row.failed(section, d, tool, Failures.reason(e));
        }
    }

    private Row measureWarm(String section, Dialect d, String tool, Fixture f, String action, Map<String, String> where,
                            Settings.Iter iter) throws Exception {
        Map<String, String> args = base(tool, action, d, f);
        args.putAll(where);
        args.put("warmups", String.valueOf(iter.warmups()));
        args.put("iterations", String.valueOf(iter.iterations()));
        args.put("min", "3");
        args.put("budget", String.valueOf(settings.budgetSecs()));
        args.put("warmtime", String.valueOf(settings.warmSecs()));
        Children.Outcome o = children.row(tool, action + "-" + f.set().name() + "-" + d.scope() + "-" + tool, args, ROW_TIMEOUT);
        return o.ok() && !o.measured().isEmpty() ? Row.measured(section, d, tool, Stats.of(o.measured()))
                : Row.failed(section, d, tool, o.ok() ? "nothing measured" : o.failure());
    }

    private Row coldRow(String section, Dialect d, String tool, Fixture f, Map<String, String> target) {
        try {
            return measureCold(section, d, tool, f, target);
        } catch (Exception e) {
            return Row.failed(section, d, tool, Failures.reason(e));
        }
    }

    private Row measureCold(String section, Dialect d, String tool, Fixture f, Map<String, String> target) throws Exception {
        List<String> args = new ArrayList<>(List.of(target.get("url"), target.get("user"), target.get("password")));
        String main;
        switch (tool) {
            case "godwit" -> {
                main = "io.godwit.bench.cold.GodwitValidate";
                f.set().subsystems().forEach(s -> args.add(s + "=" + f.godwitDir(d, s)));
            }
            case "flyway" -> {
                main = "io.godwit.bench.cold.FlywayValidate";
                f.flywayDirs().forEach(p -> args.add(p.toString()));
            }
            default -> {
                main = "io.godwit.bench.cold.LiquibaseValidate";
                args.add(f.liquibaseDir().toString());
                args.add(Fixture.LIQUIBASE_CHANGELOG);
            }
        }
        Settings.Iter iter = settings.w1Cold();
        Children.Outcome o = children.cold(tool, "cold-" + d.scope() + "-" + tool, main, args, iter.warmups(),
                iter.iterations(), Duration.ofMinutes(2));
        return o.ok() ? Row.measured(section, d, tool, Stats.of(o.measured())) : Row.failed(section, d, tool, o.failure());
    }

    private Row shellRead(String section, Dialect d, Fixture f, Settings.Iter iter) {
        try {
            String name = dbName(f, Row.SHELL);
            Path file = out.resolve("db").resolve(name + ".sqlite3").toAbsolutePath();
            shell.apply(d, f.shellScript(d, true), file, name);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < iter.warmups() + iter.iterations(); i++) {
                long t = shell.readHistory(d, file, name);
                if (i >= iter.warmups()) {
                    times.add(t);
                }
            }
            return Row.measured(section, d, Row.SHELL, Stats.of(times));
        } catch (Exception e) {
            return Row.failed(section, d, Row.SHELL, Failures.reason(e));
        }
    }

    private Row shellApply(String section, Dialect d, Fixture f, Settings.Iter iter) {
        try {
            Path file = out.resolve("db").resolve("bench_apply_shell.sqlite3").toAbsolutePath();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < iter.warmups() + iter.iterations(); i++) {
                long t = shell.apply(d, f.shellScript(d, false), file, "bench_apply_shell");
                if (i >= iter.warmups()) {
                    times.add(t);
                }
            }
            return Row.measured(section, d, Row.SHELL, Stats.of(times));
        } catch (Exception e) {
            return Row.failed(section, d, Row.SHELL, Failures.reason(e));
        }
    }

    /** A database name both SQLite files and PostgreSQL accept: {@code bench_w3_1000_flyway_group}. */
    private static String dbName(Fixture f, String tool) {
        return ("bench_" + f.set().name() + "_" + tool).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
    }

    private Map<String, String> base(String tool, String action, Dialect d, Fixture f) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("tool", tool);
        args.put("action", action);
        args.put("dialect", d.name());
        args.put("fixture", f.root().toString());
        args.put("set", f.set().name());
        args.put("subsystems", String.join(",", f.set().subsystems()));
        args.put("per", String.valueOf(f.set().size() / f.set().subsystems().size()));
        return args;
    }
}
