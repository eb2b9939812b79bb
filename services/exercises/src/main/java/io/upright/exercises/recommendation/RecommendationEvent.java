package io.upright.exercises.recommendation;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An employee's recommendation stream (one stream per employee, stream id = employee id). */
public sealed interface RecommendationEvent {

    /**
     * A routine was recommended from an assessment (or withheld: routine fields null). The routine's title and
     * length are kept as they were when recommended. {@code findingCodes} and {@code precautions} are those of
     * every method's latest result combined; {@code method} is the method of the assessment that triggered it.
     * {@code clearanceId} is set when a clinician's clearance lifted a pause (then {@code assessmentId} is the
     * cleared assessment). {@code replacedRoutineId} is the routine the findings called for when one of its
     * exercises was contraindicated; {@code heldBackRoutineId} the routine the progression reached but the
     * employee's readiness did not allow (vigorous before an all-"no" readiness screen, an unconfirmed release
     * technique). Fields after {@code recommendedAt} were added later: older events read them as null / false.
     */
    @EventName("Recommended")
    record Recommended(UUID recommendationId, UUID employeeId, UUID assessmentId, String routineId, String routineTitle,
                       Integer durationMinutes, List<String> findingCodes, boolean withheldForClinicalReview,
                       Instant assessedAt, Instant recommendedAt, String method, UUID clearanceId,
                       List<String> precautions, String replacedRoutineId, List<String> microBreakIds,
                       boolean floorOrEquipment, boolean softTissueRelease, String heldBackRoutineId)
            implements RecommendationEvent {

        public Recommended {
            findingCodes = findingCodes == null ? List.of() : List.copyOf(findingCodes);
            precautions = precautions == null ? List.of() : List.copyOf(precautions);
            microBreakIds = microBreakIds == null ? List.of() : List.copyOf(microBreakIds);
        }

        /** Without {@code heldBackRoutineId} (recommendations made before the readiness screen). */
        public Recommended(UUID recommendationId, UUID employeeId, UUID assessmentId, String routineId, String routineTitle,
                           Integer durationMinutes, List<String> findingCodes, boolean withheldForClinicalReview,
                           Instant assessedAt, Instant recommendedAt, String method, UUID clearanceId,
                           List<String> precautions, String replacedRoutineId, List<String> microBreakIds,
                           boolean floorOrEquipment, boolean softTissueRelease) {
            this(recommendationId, employeeId, assessmentId, routineId, routineTitle, durationMinutes, findingCodes,
                    withheldForClinicalReview, assessedAt, recommendedAt, method, clearanceId, precautions,
                    replacedRoutineId, microBreakIds, floorOrEquipment, softTissueRelease, null);
        }
    }
}
