package io.upright.platform.deadletter;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterTopicTest {

    @Test
    void the_topic_is_the_one_every_channel_dead_letters_to() {
        assertThat(DeadLetterTopic.resolve(Optional.empty(), Map.of(
                "mp.messaging.incoming.programs.dead-letter-queue.topic", "upright.reminders.dlq",
                "mp.messaging.incoming.exercises.dead-letter-queue.topic", "upright.reminders.dlq",
                "mp.messaging.incoming.programs.topic", "upright.programs"))).contains("upright.reminders.dlq");
    }

    @Test
    void a_service_that_consumes_nothing_has_none() {
        assertThat(DeadLetterTopic.resolve(Optional.empty(), Map.of("kafka.bootstrap.servers", "x"))).isEmpty();
    }

    @Test
    void channels_that_disagree_need_the_topic_configured() {
        Map<String, String> two = Map.of(
                "mp.messaging.incoming.a.dead-letter-queue.topic", "one.dlq",
                "mp.messaging.incoming.b.dead-letter-queue.topic", "two.dlq");
        assertThatThrownBy(() -> DeadLetterTopic.resolve(Optional.empty(), two))
                .hasMessageContaining("upright.dead-letters.topic");
        assertThat(DeadLetterTopic.resolve(Optional.of("two.dlq"), two)).contains("two.dlq");
    }
}
