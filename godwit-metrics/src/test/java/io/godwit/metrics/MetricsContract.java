package io.godwit.metrics;

import io.godwit.AppliedMigration;
import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.LockTimeoutError;
import io.godwit.MigrationFailedError;
import io.godwit.contract.MigrationFolder;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After a migration, a failed migration, a lock timeout and a few store calls, the registry holds
 * exactly the expected counts. Written once; the SQLite and PostgreSQL tests give the database.
 */
abstract class MetricsContract {
    @TempDir
    Path temp;

    final MeterRegistry registry = new SimpleMeterRegistry();
    final GodwitMetrics metrics = GodwitMetrics.of(registry);

    /** A builder on a new, empty database of the dialect under test. */
    abstract GodwitConfiguration.Builder newDatabase();

    /** A store client on a new, empty database. */
    abstract GodwitClient openStore(Settings settings);

    /** Whether migrate backs the database up first (a file) or not (PostgreSQL). */
    abstract boolean backsUp();

    /** The migration files' scope: {@code sqlite} or {@code postgresql}. */
    abstract String scope();

    double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    long timerCount(String name, String... tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void migrationsFailuresAndLockTimeoutsAreCountedExactly() throws Exception {
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), scope());
        alpha.add(1, "one", "CREATE TABLE one (x INTEGER);");
        alpha.add(2, "two", "CREATE TABLE two (x INTEGER);");
        GodwitConfiguration.Builder builder = metrics.applyTo(newDatabase().subsystem("alpha", alpha.dir()));
        builder.load().migrate();

        assertThat(count(MetricNames.MIGRATIONS_APPLIED, "subsystem", "alpha")).isEqualTo(2);
        assertThat(timerCount(MetricNames.MIGRATION_DURATION, "subsystem", "alpha", "outcome", "applied")).isEqualTo(2);
        assertThat(gauge(MetricNames.MIGRATIONS_PENDING, "subsystem", "alpha")).isEqualTo(0);
        assertThat(timerCount(MetricNames.MIGRATE_RUNS, "outcome", "success")).isEqualTo(1);
        assertThat(timerCount(MetricNames.LOCK_WAIT, "outcome", "acquired")).isEqualTo(1);

        alpha.add(3, "three", "CREATE TABLE three (x INTEGER);");
        alpha.add(4, "broken", "CREATE TABLE nonsense (;");
        assertThatThrownBy(() -> builder.load().migrate()).isInstanceOf(MigrationFailedError.class);

        assertThat(count(MetricNames.MIGRATIONS_APPLIED, "subsystem", "alpha")).isEqualTo(2);   // 3 was rolled back
        assertThat(count(MetricNames.MIGRATIONS_FAILED, "subsystem", "alpha")).isEqualTo(1);
        assertThat(timerCount(MetricNames.MIGRATION_DURATION, "subsystem", "alpha", "outcome", "failed")).isEqualTo(1);
        assertThat(gauge(MetricNames.MIGRATIONS_PENDING, "subsystem", "alpha")).isEqualTo(2);
        assertThat(timerCount(MetricNames.MIGRATE_RUNS, "outcome", "failure")).isEqualTo(1);
        if (backsUp()) {
            assertThat(timerCount(MetricNames.BACKUP_DURATION, "kind", "before-migrate")).isEqualTo(1);
            assertThat(registry.get(MetricNames.BACKUP_SIZE).tags("kind", "before-migrate").summary().totalAmount())
                    .isPositive();
        } else {
            assertThatThrownBy(() -> registry.get(MetricNames.BACKUP_DURATION).timer())
                    .isInstanceOf(MeterNotFoundException.class);
        }

        Godwit engine = builder.lockTimeout(Duration.ofMillis(300)).load();
        Database db = engine.configuration().database();
        try (Connection c = db.openForWriting(); MigrationLock held = db.lock(c, Duration.ofSeconds(5))) {
            assertThatThrownBy(engine::migrate).isInstanceOf(LockTimeoutError.class);
        }
        assertThat(count(MetricNames.LOCK_TIMEOUTS)).isEqualTo(1);
        assertThat(timerCount(MetricNames.LOCK_WAIT, "outcome", "timeout")).isEqualTo(1);
        assertThat(registry.get(MetricNames.LOCK_WAIT).tags("outcome", "timeout").timer().totalTime(
                java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(timerCount(MetricNames.LOCK_WAIT, "outcome", "acquired")).isEqualTo(2);
    }

    @Test
    void storeCallsAreCountedExactlyWithTheirRecords() {
        try (GodwitClient client = openStore(metrics.applyTo(Settings.defaults()))) {
            metrics.bindGauges(client);
            Map<String, Long> applied = client.migrationsAppliedOnOpen().applied().stream()
                    .collect(Collectors.groupingBy(AppliedMigration::subsystem, Collectors.counting()));
            assertThat(applied).containsOnlyKeys("sysdb", "embeddings_queue", "metadb");
            applied.forEach((subsystem, n) -> {
                assertThat(count(MetricNames.MIGRATIONS_APPLIED, "subsystem", subsystem)).isEqualTo(n.doubleValue());
                assertThat(gauge(MetricNames.MIGRATIONS_PENDING, "subsystem", subsystem)).isEqualTo(0);
            });
            StoreCollection books = client.createCollection("books");
            books.add(RecordBatch.of("a", "b", "c").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1},
                    new float[] {1, 1})));
            books.upsert(RecordBatch.of("c", "d").embeddings(List.of(new float[] {1, 2}, new float[] {2, 1})));
            books.get(GetRequest.ids("a", "b"));
            books.query(QueryRequest.embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})).nResults(3));
            books.count();
            books.delete(DeleteRequest.ids("a", "b"));
            assertThatThrownBy(() -> books.add(RecordBatch.of("e").embeddings(List.<float[]>of(new float[] {1, 2, 3}))))
                    .isInstanceOf(StoreException.class);
            client.createCollection("films");

            for (String op : List.of("add", "upsert", "get", "query", "count", "delete")) {
                assertThat(timerCount(MetricNames.STORE_OPERATIONS, "operation", op, "outcome", "success")).as(op).isEqualTo(1);
            }
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "add")).isEqualTo(3);
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "upsert")).isEqualTo(2);
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "get")).isEqualTo(2);
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "query")).isEqualTo(6);
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "count")).isEqualTo(4);
            assertThat(count(MetricNames.STORE_RECORDS, "operation", "delete")).isEqualTo(2);
            assertThat(timerCount(MetricNames.STORE_OPERATIONS, "operation", "add", "outcome", "failure")).isEqualTo(1);
            assertThat(count(MetricNames.STORE_FAILURES, "operation", "add", "error", "invalid_argument")).isEqualTo(1);
            assertThat(registry.find(MetricNames.STORE_OPERATIONS).tagKeys("collection").timers()).isEmpty();
            assertThat(gauge(MetricNames.STORE_COLLECTIONS)).isEqualTo(2);
            assertThat(gauge(MetricNames.STORE_LOG_ENTRIES)).isEqualTo(client.stats(false).logEntries()).isPositive();
        }
    }
}
