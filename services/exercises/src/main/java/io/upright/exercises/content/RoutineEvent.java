package io.upright.exercises.content;

import io.upright.platform.eventstore.EventName;

import io.upright.exercises.catalogue.RoutineDefinition;

import java.time.Instant;

/** One routine's authoring history (stream type {@code routine}, stream id derived from the routine id). */
public sealed interface RoutineEvent {

    String routineId();

    @EventName("RoutineDrafted")
    record RoutineDrafted(String routineId, int version, RoutineDefinition content, Integer seedVersion, String by,
                          Instant at) implements RoutineEvent {
    }

    @EventName("RoutineRevised")
    record RoutineRevised(String routineId, int version, RoutineDefinition content, String by, Instant at)
            implements RoutineEvent {
    }

    @EventName("RoutineSubmittedForReview")
    record RoutineSubmittedForReview(String routineId, int version, String by, Instant at) implements RoutineEvent {
    }

    @EventName("RoutineReviewRejected")
    record RoutineReviewRejected(String routineId, int version, String reason, String by, Instant at)
            implements RoutineEvent {
    }

    @EventName("RoutinePublished")
    record RoutinePublished(String routineId, int version, String by, Instant at) implements RoutineEvent {
    }

    @EventName("RoutineRetired")
    record RoutineRetired(String routineId, int version, String by, Instant at) implements RoutineEvent {
    }
}
