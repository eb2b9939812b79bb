package io.upright.platform.inbox;

import java.time.Instant;

/**
 * A CloudEvent read from Kafka. {@code payload} is the decoded contract record when the type is catalogued,
 * otherwise the raw JSON tree (a type this consumer does not know yet, to be ignored).
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String tenant,
        String key,
        Object payload) {
}
