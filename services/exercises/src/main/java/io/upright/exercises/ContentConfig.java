package io.upright.exercises;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "upright.content")
public interface ContentConfig {

    /**
     * The tenant the exercise library is stored under. It belongs to Upright's own content team and every
     * tenant's employees read its published versions.
     */
    @WithDefault("upright")
    String libraryTenant();

    /** Load the shipped catalogue files into the library at startup (idempotent). */
    @WithDefault("true")
    boolean seedAtStart();
}
