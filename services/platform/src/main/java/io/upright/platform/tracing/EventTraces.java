package io.upright.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * One trace from a request to every effect it has in other services: the outbox keeps the W3C {@code traceparent} of
 * the span that wrote each event, the relay sends it as the CloudEvents distributed-tracing extension
 * ({@code ce_traceparent}), and a consumer applies each event inside a span that continues it, so the events its
 * effect writes carry the same trace on. Nothing here is exported unless an OTLP endpoint is configured.
 */
@ApplicationScoped
public class EventTraces {

    private static final String TRACEPARENT = "traceparent";
    /** The MDC keys Quarkus' OpenTelemetry extension uses, so every log line names its trace the same way. */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** What a consumer span says of the event: its CloudEvents id, type and source, and the trace it came with. */
    public record Consumed(String id, String type, String source, String traceparent) {
    }

    @Inject
    Tracer tracer;

    /** The {@code traceparent} of the span current on this thread; null when there is none (not traced). */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code apply}, the effect of one consumed event, in a consumer span: a child of the event's
     * {@code traceparent} when it has one (the producing request's trace goes on), else the start of a trace of its own.
     */
    public void consuming(String consumer, String topic, Consumed event, Runnable apply) {
        Context parent = event.traceparent() == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, event.traceparent()), MAP);
        Span span = tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_source", event.source())
                .startSpan();
        // the log lines of the effect carry the span's ids (Quarkus puts them in the MDC for a request, not for a span
        // made on a consumer's thread)
        Object outerTrace = MDC.get(TRACE_ID);
        Object outerSpan = MDC.get(SPAN_ID);
        try (Scope ignored = span.makeCurrent()) {
            MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            apply.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            restore(TRACE_ID, outerTrace);
            restore(SPAN_ID, outerSpan);
        }
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
