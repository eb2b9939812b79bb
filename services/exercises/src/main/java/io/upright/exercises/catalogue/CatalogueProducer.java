package io.upright.exercises.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the configured catalogue version from the classpath once, at first use. */
@ApplicationScoped
public class CatalogueProducer {

    @Produces
    @Singleton
    Catalogue catalogue(CatalogueConfig config) {
        String folder = "catalogue/" + config.version() + "/";
        return Catalogue.load(config.version(),
                file -> CatalogueProducer.class.getClassLoader().getResourceAsStream(folder + file));
    }
}
