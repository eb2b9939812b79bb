package io.upright.exercises;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "upright.catalogue")
public interface CatalogueConfig {

    /** The content folder under {@code catalogue/} to serve, e.g. {@code v1}. */
    @WithDefault("v1")
    String version();
}
