package io.godwit.bench.metrics;

import io.godwit.metrics.GodwitMetrics;
import io.godwit.metrics.GodwitTracing;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreListener;
import io.godwit.store.StoreOperation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What watching the store costs: the same adds and queries on a persistent store without a listener,
 * with Godwit's meters in a Prometheus registry (per-collection series off, then on), and with the
 * meters and OpenTelemetry spans (the real SDK, batched to an exporter that drops them). The variants
 * take turns, round after round, each on a new store, so that a moving machine load weighs on all of
 * them alike; the report gives each one's median time over the rounds and its ratio to no listener,
 * then what one call's report costs each listener alone, in a loop.
 * Usage: {@code bench/metrics.sh [--calls=N] [--rounds=N]} (default 2,000 calls of each kind, 5 rounds).
 */
public final class MetricsOverheadBench {
    private static final int DIM = 64;
    private static final int RECORDS_PER_ADD = 10;
    private static final int EVENTS = 1_000_000;

    private MetricsOverheadBench() {
    }

    /** One way of opening the store; {@code close} ends what it started (the SDK). */
    private record Variant(String name, Function<Settings, Settings> settings, AutoCloseable close) {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(option(args, "--calls=", "2000"));
        int rounds = Integer.parseInt(option(args, "--rounds=", "5"));
        Path dir = Files.createTempDirectory("metrics-bench");
        String loadStart = load();
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants()) {
                try (AutoCloseable ignored = v.close()) {
                    double[] t = run(v.settings().apply(Settings.defaults()), dir.resolve(v.name().replace(' ', '-') + round), calls);
                    times.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(t);
                    System.out.printf("round %d, %s: add %.2f s, query %.2f s%n", round + 1, v.name(), t[0], t[1]);
                }
            }
        }
        List<String> lines = report(times, calls, rounds, loadStart);
        lines.add("");
        lines.add("The listener alone, told of " + EVENTS + " successful calls in a loop (no store): the cost of one");
        lines.add("call's report, to set beside a call's time above.");
        lines.add("");
        lines.add("| variant | per call reported |");
        lines.add("| --- | ---: |");
        for (Variant v : variants()) {
            try (AutoCloseable ignored = v.close()) {
                lines.add(String.format("| %s | %.2f µs |", v.name(), perEvent(v.settings().apply(Settings.defaults()).listener())));
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Files.createDirectories(out);
        Files.write(out.resolve("metrics-overhead.md"), lines);
        lines.forEach(System.out::println);
    }

    private static List<Variant> variants() {
        PrometheusMeterRegistry a = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusMeterRegistry b = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusMeterRegistry c = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build()).build()).build();
        return List.of(
                new Variant("no listener", s -> s, () -> { }),
                new Variant("metrics", GodwitMetrics.of(a)::applyTo, a::close),
                new Variant("metrics per collection", GodwitMetrics.of(b).withPerCollection(true)::applyTo, b::close),
                new Variant("metrics and spans", s -> GodwitTracing.of(sdk).applyTo(GodwitMetrics.of(c).applyTo(s)),
                        () -> { sdk.close(); c.close(); }));
    }

    /** Seconds for {@code calls} adds of 10 records, then {@code calls} queries of the 10 nearest. */
    private static double[] run(Settings settings, Path store, int calls) {
        Random random = new Random(42);
        try (GodwitClient client = GodwitClient.persistent(store, settings)) {
            StoreCollection c = client.createCollection("bench");
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                List<String> ids = new ArrayList<>();
                List<float[]> vectors = new ArrayList<>();
                for (int r = 0; r < RECORDS_PER_ADD; r++) {
                    ids.add("r" + (i * RECORDS_PER_ADD + r));
                    vectors.add(vector(random));
                }
                c.add(RecordBatch.of(ids).embeddings(vectors));
            }
            double add = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                c.query(QueryRequest.embedding(vector(random)).nResults(10));
            }
            return new double[] {add, (System.nanoTime() - t) / 1e9};
        }
    }

    /** Microseconds per report of a call to {@code listener}, after as many to warm up. */
    private static double perEvent(StoreListener listener) {
        Duration took = Duration.ofNanos(1_234_567);
        for (int i = 0; i < EVENTS; i++) {
            listener.operation(i % 2 == 0 ? StoreOperation.ADD : StoreOperation.QUERY, "bench", 10, took);
        }
        long t = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            listener.operation(i % 2 == 0 ? StoreOperation.ADD : StoreOperation.QUERY, "bench", 10, took);
        }
        return (System.nanoTime() - t) / 1e3 / EVENTS;
    }

    private static float[] vector(Random random) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    private static List<String> report(Map<String, List<double[]>> times, int calls, int rounds, String loadStart)
            throws java.io.IOException {
        List<String> lines = new ArrayList<>(List.of(
                "Date: " + java.time.Instant.now(),
                "Command: `bench/metrics.sh --calls=" + calls + " --rounds=" + rounds + "`",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version")
                        + "; load average (1, 5, 15 min) at start " + loadStart + ", at the end " + load(),
                "Work: a persistent store (SQLite), one collection of " + DIM + "-d vectors; " + calls + " adds of "
                        + RECORDS_PER_ADD + " records, then " + calls + " queries of the 10 nearest; median of " + rounds
                        + " rounds, the variants taking turns",
                "",
                "| variant | add, median | per add | query, median | per query | add ÷ no listener | query ÷ no listener |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"));
        double[] base = medians(times.get("no listener"));
        times.forEach((name, list) -> {
            double[] m = medians(list);
            lines.add(String.format("| %s | %.2f s | %.0f µs | %.2f s | %.0f µs | %.3f | %.3f |", name, m[0],
                    m[0] / calls * 1e6, m[1], m[1] / calls * 1e6, m[0] / base[0], m[1] / base[1]));
        });
        return lines;
    }

    private static double[] medians(List<double[]> rounds) {
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            final int kind = k;
            double[] values = rounds.stream().mapToDouble(r -> r[kind]).sorted().toArray();
            out[k] = values[values.length / 2];
        }
        return out;
    }

    private static String load() throws java.io.IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static String option(String[] args, String prefix, String otherwise) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(otherwise);
    }
}
