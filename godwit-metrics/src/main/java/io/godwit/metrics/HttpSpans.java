package io.godwit.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.util.List;
import java.util.function.Function;

/**
 * A server span per request, with OpenTelemetry's HTTP attributes ({@code http.request.method},
 * {@code http.route}, {@code http.response.status_code}; ERROR for a 5xx or an unanswered request, as
 * the HTTP conventions say for a server), under the caller's trace when its headers carry one.
 */
final class HttpSpans implements RequestSpans {
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    HttpSpans(OpenTelemetry openTelemetry, Tracer tracer) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public Request start(String method, String route, Function<String, String> headers) {
        Context parent = propagator.extract(Context.current(), headers, HEADERS);
        Span span = tracer.spanBuilder(method + " " + route).setSpanKind(SpanKind.SERVER).setParent(parent)
                .setAttribute(METHOD, method).setAttribute(ROUTE, route).startSpan();
        Scope scope = parent.with(span).makeCurrent();
        return status -> {
            span.setAttribute(STATUS, (long) status);
            if (status >= 500 || status < 0) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        };
    }
}
