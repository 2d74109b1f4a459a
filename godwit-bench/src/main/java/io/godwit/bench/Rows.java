package io.godwit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one row: a tool in a warm child JVM, a tool as new processes, or the shell. Databases
 * are made ready (seeded) untimed, by the tool itself in a child JVM, before the tool's row. Every
 * method returns a row, measured or failed with its reason; none throws.
 */
final class Rows {
    private static final Duration ROW_TIMEOUT = Duration.ofMinutes(15);

    private final Settings settings;
    private final Path out;
    private final Children children;
    private final PgAdmin pg;
    private final Shell shell;

    Rows(Settings settings, Path out, Children children, PgAdmin pg) {
        this.settings = settings;
        this.out = out;
        this.children = children;
        this.pg = pg;
        this.shell = new Shell(pg);
    }

    /** A database of {@code tool} with every migration of {@code f} applied: its target words, or a failure. */
    Map<String, String> seeded(Dialect d, String tool, Fixture f) throws Exception {
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

    Row warmRow(String section, Dialect d, String tool, Fixture f, String action, Map<String, String> where,
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

    /** The library main of {@code tool} that validates the seeded database, as a new JVM (a cold row). */
    Children.ColdCommand coldCommand(Dialect d, String tool, Fixture f, Map<String, String> target) {
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
        return children.coldJava(tool, "cold-" + d.scope() + "-" + tool, main, args);
    }

    /**
     * The command line as a user's CI runs it: {@code bin/godwit validate} on the database Godwit's
     * row seeded, through the launcher (its class-data-sharing archive, made in the first warm-up,
     * and the SQLite library from its cache, both in a cache folder of this run), the subsystems
     * given with --no-builtin --migrations-dir. The password goes by environment variable.
     */
    Children.ColdCommand cliColdCommand(Dialect d, Fixture f, Map<String, String> target) {
        List<String> cmd = new ArrayList<>(List.of(Path.of("bin", "godwit").toAbsolutePath().toString(), "validate",
                "--url", target.get("url"), "--no-builtin"));
        if (d == Dialect.POSTGRESQL) {
            cmd.addAll(List.of("--user", target.get("user"), "--password-env", "GODWIT_BENCH_PASSWORD"));
        }
        f.set().subsystems().forEach(s -> cmd.addAll(List.of("--migrations-dir", s + "=" + f.godwitDir(d, s))));
        Map<String, String> env = Map.of("GODWIT_BENCH_PASSWORD", target.get("password"),
                "GODWIT_CACHE_DIR", out.resolve("cache").toAbsolutePath().toString(),
                "GODWIT_JAVA_OPTS", String.join(" ", children.jvmOptions()));
        return new Children.ColdCommand("cold-" + d.scope() + "-" + Row.GODWIT_CLI, cmd, env);
    }

    /**
     * The cold rows of {@code tools} (their commands in the same order), measured in interleaved rounds
     * ({@link Children#coldRounds}): at least two warm-ups each, so that bin/godwit has made its
     * archive and cache before it is timed.
     */
    List<Row> coldRows(String section, Dialect d, List<String> tools, List<Children.ColdCommand> commands) {
        List<Row> rows = new ArrayList<>();
        try {
            Settings.Iter iter = settings.w1Cold();
            List<Children.Outcome> outcomes = children.coldRounds(commands, Math.max(2, iter.warmups()), iter.iterations(),
                    Duration.ofMinutes(2));
            for (int i = 0; i < tools.size(); i++) {
                Children.Outcome o = outcomes.get(i);
                rows.add(o.ok() ? Row.measured(section, d, tools.get(i), Stats.of(o.measured()))
                        : Row.failed(section, d, tools.get(i), o.failure()));
            }
        } catch (Exception e) {
            tools.forEach(t -> rows.add(Row.failed(section, d, t, Failures.reason(e))));
        }
        return rows;
    }

    Row shellRead(String section, Dialect d, Fixture f, Settings.Iter iter) {
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

    Row shellApply(String section, Dialect d, Fixture f, Settings.Iter iter) {
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
