package io.godwit.metrics;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.LockTimeoutError;
import io.godwit.MigrationFailedError;
import io.godwit.contract.MigrationFolder;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spans of collection calls and migration runs, through the real OpenTelemetry SDK into its in-memory
 * exporter: their names, parents, attributes, status, and times inside their parents'.
 */
class TracingTest {
    @TempDir
    Path temp;

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
    private final GodwitTracing tracing = GodwitTracing.of(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    private List<SpanData> named(String name) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    }

    private SpanData one(String name) {
        List<SpanData> spans = named(name);
        assertThat(spans).as(name).hasSize(1);
        return spans.get(0);
    }

    private static void assertInside(SpanData child, SpanData parent) {
        assertThat(child.getParentSpanId()).as(child.getName() + "'s parent").isEqualTo(parent.getSpanId());
        assertThat(child.getTraceId()).isEqualTo(parent.getTraceId());
        assertThat(child.getStartEpochNanos()).isBetween(parent.getStartEpochNanos(), child.getEndEpochNanos());
        assertThat(child.getEndEpochNanos()).isLessThanOrEqualTo(parent.getEndEpochNanos());
    }

    @Test
    void eachCollectionCallIsASpanUnderTheCallersSpan() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Settings settings = tracing.applyTo(GodwitMetrics.of(registry).applyTo(Settings.defaults()));
        try (GodwitClient client = GodwitClient.persistent(temp.resolve("store"), settings)) {
            int appliedOnOpen = client.migrationsAppliedOnOpen().applied().size();
            SpanData open = one("godwit migrate");
            assertThat(named("godwit migration")).hasSize(appliedOnOpen)
                    .allSatisfy(m -> assertInside(m, open)).allSatisfy(m -> assertThat(m.getStatus().getStatusCode())
                            .isEqualTo(StatusCode.UNSET));
            assertThat(open.getAttributes().get(MigrationSpans.APPLIED)).isEqualTo(appliedOnOpen);
            exporter.reset();

            Span request = sdk.getTracer("test").spanBuilder("request").startSpan();
            try (Scope ignored = request.makeCurrent()) {
                StoreCollection books = client.createCollection("books");
                books.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})));
                books.query(QueryRequest.embedding(new float[] {1, 0}).nResults(2));
                books.get(GetRequest.ids("a"));
                assertThatThrownBy(() -> books.add(RecordBatch.of("c").embeddings(List.<float[]>of(new float[] {1, 2, 3}))))
                        .isInstanceOf(StoreException.class);
            } finally {
                request.end();
            }
        }
        // Both listeners were told (Listeners.both): the meters counted what the spans show.
        assertThat(registry.get(MetricNames.STORE_OPERATIONS).tags("operation", "add", "outcome", "success").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MetricNames.STORE_FAILURES).tags("operation", "add").counter().count()).isEqualTo(1);
        SpanData request = one("request");
        List<SpanData> adds = named("add books");
        assertThat(adds).hasSize(2);
        SpanData query = one("query books");
        SpanData get = one("get books");
        for (SpanData call : List.of(adds.get(0), adds.get(1), query, get)) {
            assertInside(call, request);
            assertThat(call.getAttributes().get(StoreSpans.SYSTEM)).isEqualTo("godwit");
            assertThat(call.getAttributes().get(StoreSpans.COLLECTION)).isEqualTo("books");
        }
        assertThat(query.getAttributes().get(StoreSpans.OPERATION)).isEqualTo("query");
        assertThat(query.getAttributes().get(StoreSpans.RECORDS)).isEqualTo(2);
        assertThat(get.getAttributes().get(StoreSpans.RECORDS)).isEqualTo(1);
        SpanData written = adds.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.UNSET).findFirst().orElseThrow();
        SpanData refused = adds.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).findFirst().orElseThrow();
        assertThat(written.getAttributes().get(StoreSpans.RECORDS)).isEqualTo(2);
        assertThat(refused.getAttributes().get(MigrationSpans.ERROR_TYPE)).isEqualTo("invalid_argument");
        assertThat(refused.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    }

    @Test
    void aMigrationRunIsASpanWithItsLockBackupAndMigrations() throws Exception {
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        alpha.add(2, "two", "CREATE TABLE two (x INTEGER);");
        GodwitConfiguration.Builder builder = tracing.applyTo(
                Godwit.configure().sqlite(temp.resolve("engine.sqlite3")).subsystem("alpha", alpha.dir()));
        builder.load().migrate();
        SpanData first = one("godwit migrate");
        assertThat(first.getAttributes().get(MigrationSpans.PENDING)).isEqualTo(2);
        assertThat(named("godwit migration")).extracting(s -> s.getAttributes().get(MigrationSpans.VERSION))
                .containsExactlyInAnyOrder(1L, 2L);
        assertInside(one("godwit migration lock"), first);
        exporter.reset();

        alpha.add(3, "three", "CREATE TABLE three (x INTEGER);");
        alpha.add(4, "broken", "CREATE TABLE nonsense (;");
        assertThatThrownBy(() -> builder.load().migrate()).isInstanceOf(MigrationFailedError.class);
        SpanData run = one("godwit migrate");
        assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(run.getAttributes().get(MigrationSpans.APPLIED)).isZero();
        SpanData backup = one("godwit backup");
        assertInside(backup, run);
        assertThat(backup.getAttributes().get(MigrationSpans.BACKUP_KIND)).isEqualTo("before-migrate");
        assertThat(backup.getAttributes().get(MigrationSpans.BACKUP_BYTES)).isPositive();
        List<SpanData> migrations = named("godwit migration");
        assertThat(migrations).hasSize(2).allSatisfy(m -> {
            assertInside(m, run);
            assertThat(m.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        });
        assertThat(migrations).extracting(m -> m.getAttributes().get(MigrationSpans.VERSION) + " "
                + m.getAttributes().get(MigrationSpans.ERROR_TYPE))
                .containsExactlyInAnyOrder("3 rolled_back", "4 migration_failed");
        exporter.reset();

        Godwit engine = builder.lockTimeout(Duration.ofMillis(200)).load();
        Database db = engine.configuration().database();
        try (Connection c = db.openForWriting(); MigrationLock held = db.lock(c, Duration.ofSeconds(5))) {
            assertThatThrownBy(engine::migrate).isInstanceOf(LockTimeoutError.class);
        }
        SpanData timeout = one("godwit migration lock");
        assertThat(timeout.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(timeout.getAttributes().get(MigrationSpans.ERROR_TYPE)).isEqualTo("lock_timeout");
        assertThat(named("godwit migrate")).isEmpty();
    }
}
