package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A migration run as spans: {@code godwit migrate} from the wait for the lock to the end of the run,
 * with a child for the lock wait, the before-migrate backup and each migration ({@code godwit
 * migration}: applied, failed, or rolled back with a later one). A manual backup and a lock timeout
 * are spans of their own. Everything but the run span is made once its work is over, with the times
 * the engine measured; the engine calls a listener on the thread doing the work, so one run's state
 * is kept per thread.
 */
class MigrationSpans implements EngineListener {
    static final AttributeKey<String> DATABASE = AttributeKey.stringKey("godwit.database");
    static final AttributeKey<String> SUBSYSTEM = AttributeKey.stringKey("godwit.subsystem");
    static final AttributeKey<Long> VERSION = AttributeKey.longKey("godwit.migration.version");
    static final AttributeKey<String> FILE = AttributeKey.stringKey("godwit.migration.file");
    static final AttributeKey<Long> PENDING = AttributeKey.longKey("godwit.migrations.pending");
    static final AttributeKey<Long> APPLIED = AttributeKey.longKey("godwit.migrations.applied");
    static final AttributeKey<String> BACKUP_KIND = AttributeKey.stringKey("godwit.backup.kind");
    static final AttributeKey<Long> BACKUP_BYTES = AttributeKey.longKey("godwit.backup.size");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    final Tracer tracer;
    private final ThreadLocal<Run> runs = ThreadLocal.withInitial(Run::new);

    /** What one thread's run has seen: the lock and backup before it starts, the migrations started in it. */
    private static final class Run {
        long lockStart = -1;
        long lockEnd;
        long backupStart = -1;
        long backupEnd;
        String backupKind;
        long backupBytes;
        Span span;
        final Map<String, Long> started = new LinkedHashMap<>();
    }

    MigrationSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Now, in nanoseconds since the epoch (the clock spans are stamped with). */
    static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** A span that started at {@code start} (epoch nanoseconds), under {@code parent}. */
    SpanBuilder span(String name, Context parent, long start) {
        return tracer.spanBuilder(name).setParent(parent).setStartTimestamp(start, TimeUnit.NANOSECONDS);
    }

    static void fail(Span span, String type, Throwable error) {
        span.setAttribute(ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, error == null ? type : String.valueOf(error.getMessage()));
        if (error != null) {
            span.recordException(error);
        }
    }

    @Override
    public void lockAcquired(String database, Duration waited) {
        Run run = new Run();   // a new operation under the lock: nothing of an earlier one carries over
        run.lockEnd = now();
        run.lockStart = run.lockEnd - waited.toNanos();
        runs.set(run);
    }

    @Override
    public void lockTimedOut(String database, Duration waited) {
        long end = now();
        Span span = span("godwit migration lock", Context.current(), end - waited.toNanos())
                .setAttribute(DATABASE, database).startSpan();
        fail(span, "lock_timeout", null);
        span.end(end, TimeUnit.NANOSECONDS);
    }

    @Override
    public void backupTaken(String database, String kind, Duration took, long bytes) {
        long end = now();
        Run run = runs.get();
        if ("before-migrate".equals(kind) && run.span == null) {   // a child of the run that follows
            run.backupEnd = end;
            run.backupStart = end - took.toNanos();
            run.backupKind = kind;
            run.backupBytes = bytes;
            return;
        }
        Context parent = run.span == null ? Context.current() : Context.current().with(run.span);
        span("godwit backup", parent, end - took.toNanos()).setAttribute(DATABASE, database)
                .setAttribute(BACKUP_KIND, kind).setAttribute(BACKUP_BYTES, bytes).startSpan()
                .end(end, TimeUnit.NANOSECONDS);
    }

    @Override
    public void runStarted(String database, int pending) {
        Run run = runs.get();
        long start = run.lockStart >= 0 ? run.lockStart : now();
        run.span = span("godwit migrate", Context.current(), start).setAttribute(DATABASE, database)
                .setAttribute(PENDING, (long) pending).startSpan();
        Context parent = Context.current().with(run.span);
        if (run.lockStart >= 0) {
            span("godwit migration lock", parent, run.lockStart).setAttribute(DATABASE, database).startSpan()
                    .end(run.lockEnd, TimeUnit.NANOSECONDS);
        }
        if (run.backupStart >= 0) {
            span("godwit backup", parent, run.backupStart).setAttribute(DATABASE, database)
                    .setAttribute(BACKUP_KIND, run.backupKind).setAttribute(BACKUP_BYTES, run.backupBytes)
                    .startSpan().end(run.backupEnd, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void migrationStarted(String subsystem, int version, String filename) {
        runs.get().started.put(key(subsystem, version, filename), now());
    }

    @Override
    public void migrationApplied(String subsystem, int version, String filename, Duration took) {
        migration(subsystem, version, filename, took, null).end(endOf(subsystem, version, filename, took),
                TimeUnit.NANOSECONDS);
        runs.get().started.remove(key(subsystem, version, filename));
    }

    @Override
    public void migrationFailed(String subsystem, int version, String filename, Duration took, GodwitException error) {
        Span span = migration(subsystem, version, filename, took, error);
        span.end(endOf(subsystem, version, filename, took), TimeUnit.NANOSECONDS);
        runs.get().started.remove(key(subsystem, version, filename));
    }

    /** The migration's span, started when it started (or {@code took} ago), failed when {@code error} is set. */
    private Span migration(String subsystem, int version, String filename, Duration took, GodwitException error) {
        Run run = runs.get();
        Long start = run.started.get(key(subsystem, version, filename));
        Context parent = run.span == null ? Context.current() : Context.current().with(run.span);
        Span span = span("godwit migration", parent, start != null ? start : now() - took.toNanos())
                .setAttribute(SUBSYSTEM, subsystem).setAttribute(VERSION, (long) version).setAttribute(FILE, filename)
                .startSpan();
        if (error != null) {
            fail(span, "migration_failed", error);
        }
        return span;
    }

    /** A migration reported after its commit ended {@code took} after it started, not when it is reported. */
    private long endOf(String subsystem, int version, String filename, Duration took) {
        Long start = runs.get().started.get(key(subsystem, version, filename));
        return start != null ? start + took.toNanos() : now();
    }

    @Override
    public void runFinished(String database, int applied, Duration took, GodwitException failure) {
        Run run = runs.get();
        long end = now();
        if (run.span == null) {
            return;
        }
        Context parent = Context.current().with(run.span);
        for (Map.Entry<String, Long> rolledBack : run.started.entrySet()) {   // ran, then undone with a later one
            String[] k = rolledBack.getKey().split("\u0000", 3);
            Span span = span("godwit migration", parent, rolledBack.getValue()).setAttribute(SUBSYSTEM, k[0])
                    .setAttribute(VERSION, Long.parseLong(k[1])).setAttribute(FILE, k[2]).startSpan();
            fail(span, "rolled_back", null);
            span.end(end, TimeUnit.NANOSECONDS);
        }
        run.span.setAttribute(APPLIED, (long) applied);
        if (failure != null) {
            fail(run.span, "migrate_failed", failure);
        }
        run.span.end(end, TimeUnit.NANOSECONDS);
        runs.remove();
    }

    private static String key(String subsystem, int version, String filename) {
        return subsystem + '\u0000' + version + '\u0000' + filename;
    }
}
