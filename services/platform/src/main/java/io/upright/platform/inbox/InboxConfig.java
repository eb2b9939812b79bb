package io.upright.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "upright.inbox")
public interface InboxConfig {

    /**
     * How long an inbox row is kept after its record was applied. It only has to outlast every way the same record can
     * come again (docs/architecture.md, Retention): an uncommitted offset after a crash (seconds), the outbox relay
     * publishing again after a crash (seconds), a dead-letter redrive (its own ledger refuses a second one). Committed
     * consumer offsets never expire on our brokers, so a group is never re-read from the beginning.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often a consumer deletes the rows past {@link #retention()}. */
    @WithDefault("PT1H")
    Duration pruneEvery();
}
