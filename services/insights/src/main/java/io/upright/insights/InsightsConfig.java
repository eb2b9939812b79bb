package io.upright.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Insights' own settings; each key reaches it from the environment as {@code UPRIGHT_INSIGHTS_<KEY>}. */
@ConfigMapping(prefix = "upright.insights")
public interface InsightsConfig {

    /**
     * The smallest team whose figures HR may see (env {@code UPRIGHT_INSIGHTS_ANONYMITY_THRESHOLD}). Values
     * below 5 are raised to 5: the threshold can be made stricter, never looser.
     */
    @WithDefault("5")
    int anonymityThreshold();

    /**
     * How long {@code POST /api/insights/replay} may take (env {@code UPRIGHT_INSIGHTS_REPLAY_TIMEOUT}): it reads
     * every topic from the beginning inside one database transaction.
     */
    @WithDefault("10M")
    java.time.Duration replayTimeout();
}
