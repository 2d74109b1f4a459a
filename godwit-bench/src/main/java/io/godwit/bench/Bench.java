package io.godwit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark run: Godwit, Flyway and Liquibase on the same statements, on SQLite and
 * PostgreSQL, beside the databases' own shells. Started by {@code bench/run.sh [--quick]}; prints
 * the table and writes it to {@code OUT/results-full.md} or {@code OUT/results-quick.md}; a full
 * run also refreshes the figures in {@code bench/RESULTS.md}, between its markers.
 */
public final class Bench {
    static final String BEGIN = "<!-- figures:begin -->";
    static final String END = "<!-- figures:end -->";

    private static final long T0 = System.nanoTime();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean partial = Arrays.stream(args).anyMatch(a -> a.startsWith("--only=") || a.startsWith("--dialect="));
        Settings settings = quick ? Settings.quickRun() : Settings.fullRun();
        Path out = Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath();
        String command = System.getProperty("bench.command", "bench/run.sh" + (quick ? " --quick" : ""));
        long start = System.nanoTime();
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        PgServer server = null;
        String pgMissing = null;
        try {
            server = PgServer.start();
        } catch (Exception e) {
            pgMissing = Failures.reason(e);
        }
        List<String> header = new ArrayList<>(List.of("Date: " + date, "Command: `" + command + "`"));
        header.addAll(Machine.describe(server == null ? "n/a (" + pgMissing + ")" : server.describe()));
        header.forEach(System.out::println);
        try {
            List<String> jvm = jvmOptions();
            Children children = new Children(out.resolve("logs"), jvm);
            PgAdmin pg = server == null ? null : server.admin();
            String dialect = option(args, "--dialect=", "");
            List<Dialect> dialects = dialect.isEmpty() ? List.of(Dialect.values()) : List.of(Dialect.parse(dialect));
            Workloads w = new Workloads(settings, out, children, pg, pgMissing, dialects);
            List<String> checks = checks(w, children, out, pg);
            run(w, settings, option(args, "--only=", "1,2,3"));
            header.add("Load average at end: " + Machine.load());
            header.add(String.format("Run time: %.1f min", (System.nanoTime() - start) / 60e9));
            write(out, settings, partial, header, checks, new Report(w.rows()));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void run(Workloads w, Settings settings, String only) throws Exception {
        if (only.contains("1")) {
            System.out.println("Workload 1: open and validate 3 subsystems x 10 migrations");
            w.validateChroma(w.fixture("w1", Workloads.CHROMA, 10));
        }
        if (only.contains("2")) {
            System.out.println("Workload 2: apply 1,000 migrations to an empty database");
            w.apply(w.fixture("w2", List.of("app"), 1_000));
        }
        for (int n : only.contains("3") ? List.of(1_000, 10_000, 100_000) : List.<Integer>of()) {
            System.out.printf("Workload 3: validate %,d applied migrations%n", n);
            boolean skip = !settings.w3Sizes().contains(n);
            w.validateMany(n, skip ? null : w.fixture("w3-" + n, List.of("app"), n), skip, "quick mode");
        }
    }

    /** Every tool's validation must fail on a pending and on a changed migration, or it would do less work. */
    private static List<String> checks(Workloads w, Children children, Path out, PgAdmin pg) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Dialect d : w.dialects()) {
            for (String tool : List.of("godwit", "flyway", "liquibase")) {
                Map<String, String> args = new LinkedHashMap<>();
                args.put("tool", tool);
                args.put("action", "check");
                args.put("dialect", d.name());
                args.put("scratch", out.resolve("scratch").toString());
                args.put("pg", String.join(",", pg == null ? List.of() : pg.toArgs()));
                Children.Outcome o = d == Dialect.POSTGRESQL && pg == null ? new Children.Outcome(List.of(), "no server")
                        : children.row(tool, "check-" + d.scope() + "-" + tool, args, java.time.Duration.ofMinutes(3));
                String line = "- " + d.scope() + ", " + tool + ": " + (o.ok()
                        ? "passes when current, fails on a pending and on a changed migration" : "n/a (" + o.failure() + ")");
                System.out.printf("Check [%5.0f s] %s%n", (System.nanoTime() - T0) / 1e9, line.substring(2));
                lines.add(line);
            }
        }
        return lines;
    }

    /** {@code --only=1,3} runs only those workloads; {@code --dialect=sqlite} only that database. */
    static String option(String[] args, String prefix, String otherwise) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(otherwise);
    }

    /** Extra options for every child JVM, e.g. a flight recording: {@code GODWIT_BENCH_JVM_OPTS}. */
    private static List<String> jvmOptions() {
        String opts = System.getenv("GODWIT_BENCH_JVM_OPTS");
        return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
    }

    private static void write(Path out, Settings settings, boolean partial, List<String> header, List<String> checks,
                              Report report)
            throws Exception {
        String figures = String.join("  \n", header) + "\n\n" + report.table() + "\n**Aims** (from the issue)\n\n"
                + report.aims() + "\n**Validation semantics checked before timing**\n\n" + String.join("\n", checks) + "\n";
        System.out.println();
        System.out.println(figures);
        Path file = out.resolve(partial ? "results-partial.md" : settings.quick() ? "results-quick.md" : "results-full.md");
        Files.writeString(file, figures);
        System.out.println("Written to " + file);
        Path results = Path.of("bench", "RESULTS.md");
        if (!settings.quick() && !partial && Files.isRegularFile(results)) {
            String text = Files.readString(results);
            int b = text.indexOf(BEGIN);
            int e = text.indexOf(END);
            if (b >= 0 && e > b) {
                Files.writeString(results, text.substring(0, b + BEGIN.length()) + "\n" + figures + text.substring(e));
                System.out.println("Figures refreshed in " + results);
            }
        }
    }
}
