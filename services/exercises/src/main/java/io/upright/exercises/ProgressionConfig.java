package io.upright.exercises;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When someone moves up a level: how many logged sessions of the current routine, over how many days. */
@ConfigMapping(prefix = "upright.progression")
public interface ProgressionConfig {

    /** Sessions of the current routine logged before the next level is offered. */
    @WithDefault("6")
    int minSessions();

    /** Days those sessions must span, first to last, so a burst on one day does not count as tolerance. */
    @WithDefault("7")
    int minDays();
}
