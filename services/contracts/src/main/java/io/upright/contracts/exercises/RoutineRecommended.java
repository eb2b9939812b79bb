package io.upright.contracts.exercises;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A routine was recommended to an employee from an assessment's findings. {@code routineId} is null when
 * exercises are withheld because the assessment asked for clinical review.
 */
public record RoutineRecommended(
        UUID recommendationId,
        UUID employeeId,
        UUID assessmentId,
        String routineId,
        String routineTitle,
        Integer durationMinutes,
        List<String> findingCodes,
        boolean withheldForClinicalReview,
        Instant recommendedAt,
        List<MicroBreak> microBreaks,
        boolean floorOrEquipment,
        boolean softTissueRelease) implements SealedForEmployee {

    public RoutineRecommended {
        microBreaks = microBreaks == null ? List.of() : List.copyOf(microBreaks);
    }

    /** A recommendation without micro-breaks (and events written before they existed). */
    public RoutineRecommended(UUID recommendationId, UUID employeeId, UUID assessmentId, String routineId,
                              String routineTitle, Integer durationMinutes, List<String> findingCodes,
                              boolean withheldForClinicalReview, Instant recommendedAt) {
        this(recommendationId, employeeId, assessmentId, routineId, routineTitle, durationMinutes, findingCodes,
                withheldForClinicalReview, recommendedAt, List.of(), false, false);
    }

    @Override
    public String subject() {
        return recommendationId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
