package io.upright.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "upright.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka (only one instance relays at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when nothing is pending; a commit wakes it earlier. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** Published rows are kept this long for diagnosis, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
