package io.upright.programs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Settings of the programs service ({@code upright.programs.*}, env {@code UPRIGHT_PROGRAMS_*}). */
@ConfigMapping(prefix = "upright.programs")
public interface ProgramsConfig {

    /** Whether this instance runs the phase scheduler (several may; each phase still starts once). */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often the scheduler looks for phases whose first day has come (the {@code @Scheduled} interval). */
    @WithDefault("PT1M")
    Duration schedulerPollInterval();

    /** Programs per scheduler round; a full round goes again at once. */
    @WithDefault("100")
    int schedulerBatchSize();

    /**
     * The other services whose part of a person's data export programs gathers, as {@code name=baseUrl} entries
     * (e.g. {@code assessments=http://localhost:8082}); empty = programs exports only its own part.
     */
    Optional<List<String>> exportSources();

    /** The zone whose calendar decides when a program's day (and so a phase) begins. */
    @WithDefault("UTC")
    ZoneId scheduleZone();
}
