package io.upright.exercises.recommendation;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An employee's recommendation stream (one stream per employee, stream id = employee id). */
public sealed interface RecommendationEvent {

    /**
     * A routine was recommended from an assessment (or withheld: routine fields null). The routine's title and
     * length are kept as they were when recommended.
     */
    @EventName("Recommended")
    record Recommended(UUID recommendationId, UUID employeeId, UUID assessmentId, String routineId, String routineTitle,
                       Integer durationMinutes, List<String> findingCodes, boolean withheldForClinicalReview,
                       Instant assessedAt, Instant recommendedAt) implements RecommendationEvent {
    }
}
