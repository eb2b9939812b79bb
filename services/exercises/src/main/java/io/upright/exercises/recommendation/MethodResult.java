package io.upright.exercises.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest result of one assessment method for one employee, as kept in the {@code assessment_result} read
 * model. {@code clinicalReview} is false once a clinician's clearance covered it.
 */
public record MethodResult(String method, UUID assessmentId, List<String> findingCodes, List<String> precautions,
                           boolean clinicalReview, Instant assessedAt) {

    public MethodResult {
        findingCodes = findingCodes == null ? List.of() : List.copyOf(findingCodes);
        precautions = precautions == null ? List.of() : List.copyOf(precautions);
    }
}
