package io.upright.platform.inbox;

import java.time.Instant;

/**
 * A CloudEvent read from Kafka. {@code payload} is the decoded contract record when the type is catalogued,
 * otherwise the raw JSON tree (a type this consumer does not know yet, to be ignored). {@code traceparent} is the
 * distributed-tracing extension ({@code ce_traceparent}): the W3C trace context of the span that wrote the event,
 * null when it was not traced.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String tenant,
        String key,
        Object payload,
        String traceparent) {

    /** An event that carries no trace context. */
    public IncomingEvent(String id, String type, String source, String subject, Instant time, String tenant, String key,
                         Object payload) {
        this(id, type, source, subject, time, tenant, key, payload, null);
    }
}
