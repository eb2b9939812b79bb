package io.upright.exercises.content;

import io.upright.exercises.ContentConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.RoutineDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's published versions as a {@link Catalogue}: what readers browse, what the recommender picks
 * from and what sessions may name. Kept in memory until the library's revision counter moves, so a reader
 * costs one tiny query; another instance's publication is seen on the next read.
 */
@ApplicationScoped
public class PublishedContent {

    private record Snapshot(long revision, Catalogue catalogue) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ContentConfig config;

    private volatile Snapshot cached;

    /** The published library as last committed (cached). Not for use inside a transaction that changes content. */
    public Catalogue current() {
        long revision = revision();
        Snapshot snapshot = cached;
        if (snapshot == null || snapshot.revision() != revision) {
            snapshot = new Snapshot(revision, fresh());
            cached = snapshot;
        }
        return snapshot.catalogue();
    }

    /** Read now, uncached: sees this transaction's own uncommitted changes (for authoring and seeding). */
    public Catalogue fresh() {
        List<Exercise> exercises = new ArrayList<>();
        Map<String, Integer> exerciseVersions = new HashMap<>();
        List<RoutineDefinition> routines = new ArrayList<>();
        Map<String, Integer> routineVersions = new HashMap<>();
        List<ContentVersionRecord> rows = ContentVersionRecord.list("tenantId = ?1 and status = 'published'",
                config.libraryTenant());
        try {
            for (ContentVersionRecord row : rows) {
                if (ContentLibrary.EXERCISE.equals(row.kind)) {
                    exercises.add(json.readValue(row.content, Exercise.class));
                    exerciseVersions.put(row.contentId, row.version);
                } else {
                    routines.add(json.readValue(row.content, RoutineDefinition.class));
                    routineVersions.put(row.contentId, row.version);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable content in the library read model", e);
        }
        return Catalogue.published(exercises, exerciseVersions, routines, routineVersions);
    }

    long revision() {
        List<?> rows = em.createNativeQuery("select revision from content_revision where tenant_id = ?1")
                .setParameter(1, config.libraryTenant()).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
