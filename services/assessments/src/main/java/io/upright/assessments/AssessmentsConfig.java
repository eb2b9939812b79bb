package io.upright.assessments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

@ConfigMapping(prefix = "upright.assessments")
public interface AssessmentsConfig {

    /**
     * The smallest group of employees HR may see campaign coverage for (env
     * {@code UPRIGHT_ASSESSMENTS_ANONYMITY_THRESHOLD}). Values below 5 are raised to 5 by
     * {@link io.upright.assessments.campaign.Coverage}: the threshold can be made stricter, never looser.
     */
    @WithDefault("5")
    int anonymityThreshold();

    /**
     * How long a clinician's clearance lasts before the employee is asked to take the safety check again: the
     * {@code rescreenBy} of {@code ClearedByClinician} is the clearance day plus this (ISO-8601 period, env
     * {@code UPRIGHT_ASSESSMENTS_RESCREEN_AFTER}).
     */
    @WithDefault("P12W")
    Period rescreenAfter();
}
