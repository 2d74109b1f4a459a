package io.godwit.metrics;

import io.godwit.store.StoreListener;
import io.godwit.store.StoreOperation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Each collection call as a span named, as OpenTelemetry's database conventions name one, by its
 * operation and collection ({@code query books}), with {@code db.system.name} {@code godwit}, the
 * operation, the collection and the records it touched, or the error; and each vector-index rebuild.
 * The store reports a call once it returned, with its duration, so the span is made then, stamped with
 * the call's start and end, under the caller's current span (an HTTP request's, an application's).
 * The engine's events (the migrations a client runs when it opens) are {@link MigrationSpans}'.
 */
final class StoreSpans extends MigrationSpans implements StoreListener {
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<Long> RECORDS = AttributeKey.longKey("godwit.records");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("godwit.index.rebuild.reason");

    StoreSpans(Tracer tracer) {
        super(tracer);
    }

    @Override
    public void operation(StoreOperation kind, String collection, long records, Duration took) {
        long end = now();
        call(kind, collection, end - took.toNanos()).setAttribute(RECORDS, records).end(end, TimeUnit.NANOSECONDS);
    }

    @Override
    public void operationFailed(StoreOperation kind, String collection, Duration took, RuntimeException error) {
        long end = now();
        Span span = call(kind, collection, end - took.toNanos());
        fail(span, StoreMetrics.error(error), error);
        span.end(end, TimeUnit.NANOSECONDS);
    }

    private Span call(StoreOperation kind, String collection, long start) {
        String name = collection == null ? kind.label() : kind.label() + " " + collection;
        Span span = span(name, Context.current(), start).setAttribute(SYSTEM, "godwit")
                .setAttribute(OPERATION, kind.label()).startSpan();
        if (collection != null) {
            span.setAttribute(COLLECTION, collection);
        }
        return span;
    }

    @Override
    public void indexRebuilt(String collection, String reason, long records, Duration took) {
        long end = now();
        span("godwit index rebuild", Context.current(), end - took.toNanos()).setAttribute(SYSTEM, "godwit")
                .setAttribute(COLLECTION, String.valueOf(collection)).setAttribute(REASON, String.valueOf(reason))
                .setAttribute(RECORDS, records).startSpan().end(end, TimeUnit.NANOSECONDS);
    }
}
