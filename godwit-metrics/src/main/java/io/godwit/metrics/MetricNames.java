package io.godwit.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Every meter Godwit registers, by its Micrometer name (Prometheus writes dots as underscores and
 * adds the unit: {@code godwit.migrations.applied} is {@code godwit_migrations_applied_total},
 * a timer {@code godwit.store.operations} is {@code godwit_store_operations_seconds_*}). The README's
 * Observability section describes each with its tags and unit.
 */
public final class MetricNames {
    // The engine.
    public static final String MIGRATIONS_APPLIED = "godwit.migrations.applied";
    public static final String MIGRATIONS_FAILED = "godwit.migrations.failed";
    public static final String MIGRATIONS_PENDING = "godwit.migrations.pending";
    public static final String MIGRATION_DURATION = "godwit.migration.duration";
    public static final String MIGRATE_RUNS = "godwit.migrate.runs";
    public static final String LOCK_WAIT = "godwit.lock.wait";
    public static final String LOCK_TIMEOUTS = "godwit.lock.timeouts";
    public static final String BACKUP_DURATION = "godwit.backup.duration";
    public static final String BACKUP_SIZE = "godwit.backup.size";
    // The store.
    public static final String STORE_OPERATIONS = "godwit.store.operations";
    public static final String STORE_RECORDS = "godwit.store.records";
    public static final String STORE_FAILURES = "godwit.store.failures";
    public static final String STORE_COLLECTIONS = "godwit.store.collections";
    public static final String STORE_LOG_ENTRIES = "godwit.store.log.entries";
    public static final String STORE_INDEX_LAG = "godwit.store.index.lag";
    public static final String STORE_INDEX_REBUILDS = "godwit.store.index.rebuilds";
    // The server.
    public static final String HTTP_REQUESTS = "godwit.http.requests";

    /**
     * The histogram buckets of the latency timers (store operations, HTTP requests): a fixed set,
     * so that a series has 14 buckets, not Micrometer's ~70.
     */
    public static final List<Duration> LATENCY_BUCKETS = List.of(Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private MetricNames() {
    }

    static Duration[] latencyBuckets() {
        return LATENCY_BUCKETS.toArray(Duration[]::new);
    }
}
