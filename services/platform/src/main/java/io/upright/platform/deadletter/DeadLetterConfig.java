package io.upright.platform.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "upright.dead-letters")
public interface DeadLetterConfig {

    /**
     * This service's dead-letter topic. Unset, it is the one topic every incoming channel names in its
     * {@code dead-letter-queue.topic}, so a service configures it once, on its channels.
     */
    Optional<String> topic();

    /** How long one read of the dead-letter topic may wait for the broker before the request gives up. */
    @WithDefault("PT10S")
    Duration kafkaTimeout();
}
