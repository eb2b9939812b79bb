package io.upright.exercises.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.exercises.TestCatalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The library as stored in PostgreSQL after the startup seeding. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ContentLibraryFlowTest {

    @Inject
    ContentSeeder seeder;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private long contentEvents() {
        return ((Number) em.createNativeQuery("select count(*) from event_store where tenant_id = 'upright' "
                + "and stream_type in ('exercise', 'routine')").getSingleResult()).longValue();
    }

    @Test
    void seeding_again_appends_nothing() {
        long before = contentEvents();
        assertThat(before).isGreaterThanOrEqualTo(2L * (TestCatalogue.V1.exercises().size() + TestCatalogue.V1.routines().size()));
        assertThat(seeder.seed()).isZero();
        assertThat(seeder.seed()).isZero();
        assertThat(contentEvents()).isEqualTo(before);
    }

    @Test
    @Transactional
    void every_published_routine_uses_published_exercises_that_add_up_and_every_exercise_is_complete() throws Exception {
        Map<String, Exercise> exercises = new HashMap<>();
        Map<String, RoutineDefinition> routines = new HashMap<>();
        List<ContentVersionRecord> rows = ContentVersionRecord.list("tenantId = 'upright' and status = 'published'");
        for (ContentVersionRecord row : rows) {
            if ("exercise".equals(row.kind)) {
                exercises.put(row.contentId, json.readValue(row.content, Exercise.class));
            } else {
                routines.put(row.contentId, json.readValue(row.content, RoutineDefinition.class));
            }
        }
        TestCatalogue.V1.exercises().forEach(e -> assertThat(exercises).containsKey(e.id()));
        TestCatalogue.V1.routines().forEach(r -> assertThat(routines).containsKey(r.id()));
        for (Exercise e : exercises.values()) {
            assertThat(e.steps()).as(e.id() + " steps").isNotEmpty();
            assertThat(e.bodyAreas()).as(e.id() + " body areas").isNotEmpty();
            assertThat(e.source()).as(e.id() + " source").isNotBlank();
        }
        for (RoutineDefinition r : routines.values()) {
            assertThat(exercises.keySet()).as(r.id() + " uses only published exercises").containsAll(r.exerciseIds());
            int seconds = r.exerciseIds().stream().mapToInt(id -> exercises.get(id).durationSeconds()).sum();
            assertThat(seconds).as(r.id() + " lasts 5 to 10 minutes").isBetween(300, 600);
            TestCatalogue.V1.routine(r.id()).ifPresent(shipped -> assertThat(seconds).isEqualTo(shipped.durationSeconds()));
        }
    }
}
