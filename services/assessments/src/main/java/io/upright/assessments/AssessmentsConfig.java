package io.upright.assessments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "upright.assessments")
public interface AssessmentsConfig {

    /**
     * The smallest group of employees HR may see campaign coverage for (env
     * {@code UPRIGHT_ASSESSMENTS_ANONYMITY_THRESHOLD}). Values below 5 are raised to 5 by
     * {@link io.upright.assessments.campaign.Coverage}: the threshold can be made stricter, never looser.
     */
    @WithDefault("5")
    int anonymityThreshold();
}
