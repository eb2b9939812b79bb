package io.upright.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterPublisherTest {

    @Test
    void the_dead_letter_topic_is_the_one_of_the_channel_that_reads_the_topic() {
        Map<String, String> properties = Map.of(
                "mp.messaging.incoming.programs.connector", "smallrye-kafka",
                "mp.messaging.incoming.programs.topic", "upright.programs",
                "mp.messaging.incoming.programs.dead-letter-queue.topic", "upright.reminders.dlq",
                "mp.messaging.incoming.assessments.connector", "smallrye-kafka",
                "mp.messaging.incoming.assessments.topic", "upright.assessments");

        assertThat(DeadLetterPublisher.resolve("upright.programs", properties)).contains("upright.reminders.dlq");
        // the connector's default when the channel names none
        assertThat(DeadLetterPublisher.resolve("upright.assessments", properties)).contains("dead-letter-topic-assessments");
        assertThat(DeadLetterPublisher.resolve("upright.insights", properties)).isEmpty();
    }

    @Test
    void a_dead_letter_keeps_key_body_and_headers_behind_the_reason_and_origin_headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("upright.programs", 2, 4711L, 0L,
                TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key",
                "{}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
        RuntimeException reason = new IllegalStateException("cannot apply", new IllegalArgumentException("bad team"));

        ProducerRecord<String, byte[]> dead = DeadLetterPublisher.deadLetter("upright.reminders.dlq", record, reason);

        assertThat(dead.topic()).isEqualTo("upright.reminders.dlq");
        assertThat(dead.partition()).isNull();
        assertThat(dead.key()).isEqualTo("key");
        assertThat(dead.value()).isEqualTo(record.value());
        List<String> names = new ArrayList<>();
        for (Header header : dead.headers()) {
            names.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(names).containsExactly(
                "dead-letter-exception-class-name=java.lang.IllegalStateException",
                "dead-letter-reason=cannot apply",
                "dead-letter-cause-class-name=java.lang.IllegalArgumentException",
                "dead-letter-cause=bad team",
                "dead-letter-topic=upright.programs",
                "dead-letter-partition=2",
                "dead-letter-offset=4711",
                "ce_id=e-1");
    }

    @Test
    void a_broker_that_is_away_is_waited_for_and_a_record_refused_for_good_is_not() {
        assertThat(DeadLetterPublisher.retriable(new org.apache.kafka.common.errors.TimeoutException("expired"))).isTrue();
        assertThat(DeadLetterPublisher.retriable(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving")))
                .isTrue();
        assertThat(DeadLetterPublisher.retriable(new org.apache.kafka.common.errors.RecordTooLargeException("too big")))
                .isFalse();
        assertThat(DeadLetterPublisher.retriable(new IllegalStateException("closed"))).isFalse();
    }
}
