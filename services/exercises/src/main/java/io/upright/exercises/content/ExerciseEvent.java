package io.upright.exercises.content;

import io.upright.platform.eventstore.EventName;

import io.upright.exercises.catalogue.Exercise;

import java.time.Instant;

/** One exercise's authoring history (stream type {@code exercise}, stream id derived from the exercise id). */
public sealed interface ExerciseEvent {

    String exerciseId();

    /** Version {@code version} was started with this content ({@code seedVersion}: loaded from that catalogue file). */
    @EventName("ExerciseDrafted")
    record ExerciseDrafted(String exerciseId, int version, Exercise content, Integer seedVersion, String by, Instant at)
            implements ExerciseEvent {
    }

    @EventName("ExerciseRevised")
    record ExerciseRevised(String exerciseId, int version, Exercise content, String by, Instant at) implements ExerciseEvent {
    }

    @EventName("ExerciseSubmittedForReview")
    record ExerciseSubmittedForReview(String exerciseId, int version, String by, Instant at) implements ExerciseEvent {
    }

    @EventName("ExerciseReviewRejected")
    record ExerciseReviewRejected(String exerciseId, int version, String reason, String by, Instant at)
            implements ExerciseEvent {
    }

    @EventName("ExercisePublished")
    record ExercisePublished(String exerciseId, int version, String by, Instant at) implements ExerciseEvent {
    }

    @EventName("ExerciseRetired")
    record ExerciseRetired(String exerciseId, int version, String by, Instant at) implements ExerciseEvent {
    }
}
