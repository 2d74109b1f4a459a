package io.godwit.metrics;

import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans only when OpenTelemetry is there and configured: none while the global OpenTelemetry is unset
 * (and it stays unset), spans once it is set; and in a JVM without the API on its class path, a store
 * opened through {@link OptionalTracing} works and pays for nothing.
 */
class OptionalTracingTest {
    @TempDir
    Path temp;

    @Test
    void spansOnlyOnceTheGlobalOpenTelemetryIsConfigured() {
        GlobalOpenTelemetry.resetForTest();
        try {
            assertThat(OptionalTracing.apiPresent()).isTrue();
            assertThat(OptionalTracing.storeListener()).isSameAs(StoreListener.NONE);
            Settings plain = Settings.defaults();
            assertThat(OptionalTracing.applyTo(plain)).isSameAs(plain);
            assertThat(GlobalOpenTelemetry.isSet()).as("asking did not configure a no-op for good").isFalse();

            InMemorySpanExporter exporter = InMemorySpanExporter.create();
            try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
                GlobalOpenTelemetry.set(sdk);
                try (GodwitClient client = GodwitClient.ephemeral(OptionalTracing.applyTo(Settings.defaults()))) {
                    client.createCollection("books").add(RecordBatch.of("a").embeddings(List.of(new float[] {1, 0})));
                }
                assertThat(exporter.getFinishedSpanItems()).extracting(s -> s.getName()).contains("add books");
            }
        } finally {
            GlobalOpenTelemetry.resetForTest();
        }
    }

    @Test
    void withoutTheApiOnTheClassPathNothingIsLoadedOrPaid() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("opentelemetry")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, NoApiMain.class.getName(), temp.resolve("store").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("api present: false", "listener: none", "records: 1");
    }

    /** Run in a JVM without the OpenTelemetry API: opens a store through OptionalTracing and uses it. */
    public static final class NoApiMain {
        public static void main(String[] args) {
            System.out.println("api present: " + OptionalTracing.apiPresent());
            Settings settings = OptionalTracing.applyTo(GodwitMetrics.of(
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).applyTo(Settings.defaults()));
            System.out.println("listener: " + (OptionalTracing.storeListener() == StoreListener.NONE ? "none" : "spans"));
            try (GodwitClient client = GodwitClient.persistent(Path.of(args[0]), settings)) {
                var books = client.createCollection("books");
                books.add(RecordBatch.of("a").embeddings(List.of(new float[] {1, 0})));
                System.out.println("records: " + books.count());
            }
        }
    }
}
