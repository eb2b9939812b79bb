package io.upright.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Traces are exported only when an OTLP endpoint is configured ({@code UPRIGHT_TRACING_OTLP_ENDPOINT}, e.g.
 * {@code http://otel-collector:4317}); until then spans are still made, so trace context flows through requests, the
 * outbox and Kafka, but go nowhere. How: while the endpoint is missing this bean is there, and Quarkus drops its own
 * OTLP exporter whenever a {@link SpanExporter} bean exists (it would otherwise try localhost:4317 and log every
 * failure). With the endpoint set, this bean steps aside and Quarkus' exporter sends to it.
 */
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "upright.tracing.otlp-endpoint", stringValue = "none", lookupIfMissing = true)
    SpanExporter nowhere() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
