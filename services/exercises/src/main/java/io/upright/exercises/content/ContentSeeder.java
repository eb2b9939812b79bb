package io.upright.exercises.content;

import io.quarkus.runtime.StartupEvent;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.CatalogueConfig;
import io.upright.exercises.ContentConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Loads the shipped catalogue files into the library at startup, so a new deployment has the full library.
 * Runs before the Kafka consumers start, so the recommender never meets an empty library.
 */
@ApplicationScoped
public class ContentSeeder {

    private static final Logger LOG = Logger.getLogger(ContentSeeder.class);

    @Inject
    ContentLibrary library;

    @Inject
    ContentConfig content;

    @Inject
    CatalogueConfig catalogue;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (content.seedAtStart()) {
            int appended = seed();
            LOG.infof("Content library seeded from catalogue %s: %d events appended", catalogue.version(), appended);
        }
    }

    /** Loads the configured catalogue folder; the folder's {@code catalogueVersion} is the seed version. */
    public int seed() {
        String folder = "catalogue/" + catalogue.version() + "/";
        Catalogue shipped = Catalogue.load(catalogue.version(),
                file -> ContentSeeder.class.getClassLoader().getResourceAsStream(folder + file));
        return library.seed(shipped, shipped.fileVersion());
    }
}
