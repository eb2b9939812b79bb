package io.upright.platform.deadletter;

import io.upright.platform.inbox.DeadLetterPublisher;
import io.upright.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One dead letter as an operator sees it: where it came from, why it failed and what its redrives did. Never its body
 * (or its key): a body may be an employee's health data, sealed or not.
 */
@Schema(name = "DeadLetter", description = "One record of this service's dead-letter topic, without its body or key")
public record DeadLetterView(
        @Schema(description = "Partition of the dead-letter topic; with offset, the dead letter's id", example = "0") int partition,
        @Schema(description = "Offset in that partition", example = "12") long offset,
        @Schema(description = "The topic the record was consumed from (dead-letter-topic header)", example = "upright.programs") String originalTopic,
        @Schema(description = "Its partition there", example = "2") Integer originalPartition,
        @Schema(description = "Its offset there", example = "4711") Long originalOffset,
        @Schema(description = "Why it was dead-lettered (dead-letter-reason header)", example = "record at upright.programs/2@4711 has no ce_type header") String reason,
        @Schema(description = "The cause's message, if any (dead-letter-cause header)") String cause,
        @Schema(description = "The event's ce_id", example = "3f2b9c1e-7a4d-4e8b-9c0d-1e2f3a4b5c6d") String eventId,
        @Schema(description = "The event's ce_type", example = "upright.programs.employee-enrolled.v1") String eventType,
        @Schema(description = "The event's ce_tenant", example = "acme") String tenant,
        @Schema(description = "When it was dead-lettered", example = "2026-12-05T20:10:00Z") Instant deadLetteredAt,
        @Schema(description = "True until a redrive applied it or found it already applied; a record that failed again stays pending",
                example = "true") boolean pending,
        @Schema(description = "When it was last redriven; null if never", example = "2026-12-05T20:15:00Z") Instant redrivenAt,
        @Schema(description = "What the last redrive did; null if never redriven", enumeration = {"applied", "already-applied", "failed-again"},
                example = "failed-again") RedriveOutcome.Kind outcome,
        @Schema(description = "Why the last redrive failed again; null otherwise") String outcomeReason,
        @Schema(description = "How many times it was redriven", example = "1") int redrives) {

    // the connector's dead-letter strategy and the batch consumers' DeadLetterPublisher write the same headers
    static final String REASON = DeadLetterPublisher.REASON;
    static final String CAUSE = DeadLetterPublisher.CAUSE;
    static final String TOPIC = DeadLetterPublisher.TOPIC;
    static final String PARTITION = DeadLetterPublisher.PARTITION;
    static final String OFFSET = DeadLetterPublisher.OFFSET;
    /** Every header the dead-letter strategy adds starts with this; a redrive hands the record on without them. */
    static final String PREFIX = DeadLetterPublisher.PREFIX;

    static DeadLetterView of(ConsumerRecord<String, byte[]> record, RedriveLedger.Entry last) {
        return new DeadLetterView(record.partition(), record.offset(), header(record, TOPIC),
                integer(header(record, PARTITION)), longValue(header(record, OFFSET)), header(record, REASON),
                header(record, CAUSE), header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.TENANT), Instant.ofEpochMilli(record.timestamp()),
                last == null || !last.resolved(), last == null ? null : last.redrivenAt(),
                last == null ? null : last.outcome(),
                last == null || last.resolved() ? null : last.reason(), last == null ? 0 : last.attempts());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
