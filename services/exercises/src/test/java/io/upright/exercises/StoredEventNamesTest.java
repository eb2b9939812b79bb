package io.upright.exercises;

import io.upright.exercises.content.ExerciseEvent;
import io.upright.exercises.content.RoutineEvent;
import io.upright.exercises.recommendation.ReadinessEvent;
import io.upright.exercises.recommendation.RecommendationEvent;
import io.upright.exercises.session.SessionEvent;
import io.upright.exercises.session.SessionLoggedV1ToV2;
import io.upright.platform.eventstore.EventNames;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the name and version every event type is stored under. These names are stored history: rows already in
 * every tenant's event store carry them, so they must never change. Renaming a Java class is fine; changing a
 * name or version here needs an upcaster and a migration plan, not an edit of this test.
 */
class StoredEventNamesTest {

    @Test
    void exercise_events() {
        assertThat(EventNames.of(ExerciseEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ExerciseDrafted", 1,
                "ExerciseRevised", 1,
                "ExerciseSubmittedForReview", 1,
                "ExerciseReviewRejected", 1,
                "ExercisePublished", 1,
                "ExerciseRetired", 1));
    }

    @Test
    void routine_events() {
        assertThat(EventNames.of(RoutineEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RoutineDrafted", 1,
                "RoutineRevised", 1,
                "RoutineSubmittedForReview", 1,
                "RoutineReviewRejected", 1,
                "RoutinePublished", 1,
                "RoutineRetired", 1));
    }

    @Test
    void recommendation_events() {
        assertThat(EventNames.of(RecommendationEvent.class).versions())
                .containsExactlyInAnyOrderEntriesOf(Map.of("Recommended", 1));
    }

    @Test
    void readiness_events() {
        assertThat(EventNames.of(ReadinessEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ReadinessScreenAnswered", 1,
                "TechniqueConfirmed", 1));
    }

    @Test
    void session_events() {
        // v2 (seconds, issue 18): v1 rows (minutes) stay as written and are read through SessionLoggedV1ToV2
        assertThat(EventNames.of(SessionEvent.class).versions())
                .containsExactlyInAnyOrderEntriesOf(Map.of("SessionLogged", 2));
        SessionLoggedV1ToV2 upcaster = new SessionLoggedV1ToV2();
        assertThat(upcaster.events()).isEqualTo(SessionEvent.class);
        assertThat(upcaster.eventName() + " v" + upcaster.fromVersion()).isEqualTo("SessionLogged v1");
    }
}
