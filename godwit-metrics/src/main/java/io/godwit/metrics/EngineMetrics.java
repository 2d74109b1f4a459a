package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's events as meters: migrations applied and failed per subsystem with their durations,
 * pending per subsystem, each migrate run, the migration lock's wait and timeouts, backups. Meters are
 * registered on the first event that needs them, so a registry shows only what happened.
 */
final class EngineMetrics implements EngineListener {
    private final MeterRegistry registry;
    /** The pending gauges' values, one per subsystem; the registry holds the gauge, this map its number. */
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runFinished(String database, int applied, Duration took, GodwitException failure) {
        Timer.builder(MetricNames.MIGRATE_RUNS).description("Runs of migrate that had something to apply")
                .tag("outcome", failure == null ? "success" : "failure").register(registry).record(took);
    }

    @Override
    public void migrationApplied(String subsystem, int version, String filename, Duration took) {
        Counter.builder(MetricNames.MIGRATIONS_APPLIED).description("Migrations committed").tag("subsystem", subsystem)
                .register(registry).increment();
        duration(subsystem, "applied").record(took);
    }

    @Override
    public void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
        Counter.builder(MetricNames.MIGRATIONS_FAILED).description("Migrations that failed and were rolled back")
                .tag("subsystem", subsystem).register(registry).increment();
        duration(subsystem, "failed").record(took);
    }

    private Timer duration(String subsystem, String outcome) {
        return Timer.builder(MetricNames.MIGRATION_DURATION).description("How long each migration ran")
                .tag("subsystem", subsystem).tag("outcome", outcome).register(registry);
    }

    @Override
    public void pending(String subsystem, int count) {
        pending.computeIfAbsent(subsystem, name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(MetricNames.MIGRATIONS_PENDING, value, AtomicInteger::get)
                    .description("Migrations not yet applied, as of the last migrate or status").tag("subsystem", name)
                    .register(registry);
            return value;
        }).set(count);
    }

    @Override
    public void lockAcquired(String database, Duration waited) {
        lockWait("acquired").record(waited);
    }

    @Override
    public void lockTimedOut(String database, Duration waited) {
        lockWait("timeout").record(waited);
        Counter.builder(MetricNames.LOCK_TIMEOUTS).description("Times the migration lock was not had within the lock timeout")
                .register(registry).increment();
    }

    private Timer lockWait(String outcome) {
        return Timer.builder(MetricNames.LOCK_WAIT).description("Time spent waiting for the migration lock")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void backupTaken(String database, String kind, Duration took, long bytes) {
        Timer.builder(MetricNames.BACKUP_DURATION).description("How long a backup took").tag("kind", kind)
                .register(registry).record(took);
        DistributionSummary.builder(MetricNames.BACKUP_SIZE).description("Size of each backup file").baseUnit("bytes")
                .tag("kind", kind).register(registry).record(bytes);
    }
}
