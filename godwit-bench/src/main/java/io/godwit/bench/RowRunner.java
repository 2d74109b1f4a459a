package io.godwit.bench;

import io.godwit.bench.tools.Tool;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One warm-JVM row, in a JVM of its own so that tools never share a JIT profile and a failing
 * tool cannot take the run down: warm-up iterations, until both their count and {@code warmtime}
 * seconds are reached, then measured ones until their count or the time budget is reached (at
 * least {@code min}); warm-ups too stop at the budget. Prints {@code ITER warm|measured NANOS} lines,
 * then {@code DONE}, or {@code FAIL reason} and exits 1.
 *
 * Also the untimed steps that need a tool: {@code action=seed} (make a current database) and
 * {@code action=check} ({@link SemanticsCheck}).
 *
 * <p>Arguments are {@code key=value} words: {@code tool action(validate|apply) fixture set
 * subsystems per warmups iterations min budget} and either the target ({@code dialect url user
 * password}) for validate, or where fresh targets are made for apply ({@code dialect} with
 * {@code scratch} for SQLite, {@code pg} for PostgreSQL).
 */
public final class RowRunner {
    private static final long GC_ABOVE_NANOS = 20_000_000;

    private RowRunner() {
    }

    public static void main(String[] args) {
        try {
            run(parse(args));
            System.out.println("DONE");
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println("FAIL " + Failures.reason(t));
            System.exit(1);
        }
    }

    private static void run(Map<String, String> a) throws Exception {
        Tool tool = Tool.named(a.get("tool"));
        Dialect dialect = Dialect.parse(a.get("dialect"));
        switch (a.get("action")) {
            case "check" -> {
                Fresh fresh = Fresh.of(a, dialect);
                Target target = fresh.make("check-" + a.get("tool"), 0);
                SemanticsCheck.run(tool, dialect, Path.of(a.get("scratch")).resolve("check-" + a.get("tool")), target);
                fresh.discard(target);
            }
            case "seed" -> {
                MigrationSet set = set(a);
                tool.seed(fixed(a, dialect), new Fixture(Path.of(a.get("fixture")), set, List.of(dialect)), set);
            }
            default -> measure(a, tool, dialect);
        }
    }

    private static MigrationSet set(Map<String, String> a) {
        return MigrationSet.generate(a.get("set"), List.of(a.get("subsystems").split(",")), Integer.parseInt(a.get("per")));
    }

    private static Target fixed(Map<String, String> a, Dialect dialect) {
        return dialect == Dialect.SQLITE ? Target.sqlite(Path.of(a.get("url").substring("jdbc:sqlite:".length())))
                : Target.postgres(a.get("url"), a.get("user"), a.get("password"));
    }

    private static void measure(Map<String, String> a, Tool tool, Dialect dialect) throws Exception {
        MigrationSet set = set(a);
        Fixture fixture = new Fixture(Path.of(a.get("fixture")), set, List.of(dialect));
        int warmups = Integer.parseInt(a.get("warmups"));
        int iterations = Integer.parseInt(a.get("iterations"));
        int min = Math.min(iterations, Integer.parseInt(a.get("min")));
        long budget = (long) (Double.parseDouble(a.get("budget")) * 1e9);
        boolean apply = a.get("action").equals("apply");
        Fresh fresh = apply ? Fresh.of(a, dialect) : null;
        Target fixed = apply ? null : fixed(a, dialect);
        long spent = 0;
        long last = 0;
        long warmSpent = 0;
        int measured = 0;
        long warmTime = (long) (Double.parseDouble(a.getOrDefault("warmtime", "0")) * 1e9);
        int warmed = 0;
        for (int i = 0; measured < iterations; i++) {
            // Warm until both the count and the time are reached (the JIT needs time, not a count), within the budget.
            boolean warm = (warmed < warmups || warmSpent < warmTime) && warmSpent < budget;
            if (!warm && measured >= min && spent >= budget) {
                break;
            }
            if (last > GC_ABOVE_NANOS) {
                System.gc();   // a long iteration's garbage is not left to the next one; short ones would only measure GC
            }
            Target target = apply ? fresh.make(a.get("tool"), i) : fixed;
            long start = System.nanoTime();
            if (apply) {
                tool.apply(target, fixture);
            } else {
                tool.validate(target, fixture);
            }
            long took = System.nanoTime() - start;
            last = took;
            if (apply && i == 0) {
                tool.validate(target, fixture);   // the first apply is checked: everything applied
            }
            if (apply) {
                fresh.discard(target);
            }
            if (!warm) {
                spent += took;
                measured++;
            } else {
                warmSpent += took;
                warmed++;
            }
            System.out.println("ITER " + (warm ? "warm" : "measured") + " " + took);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Expected key=value, got " + arg + " in " + Arrays.toString(args));
            }
            map.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return map;
    }
}
