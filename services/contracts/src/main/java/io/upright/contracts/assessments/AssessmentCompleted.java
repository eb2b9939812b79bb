package io.upright.contracts.assessments;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A desk assessment was submitted and scored. Carries the score, risk level and finding codes only: answers
 * and pain values never leave the assessments service. {@code teamId} is null when the assessments service
 * had not yet learned the employee's team. {@code clinicalReview} asks every service to hold exercises until
 * the employee confirms a clinician cleared them.
 */
public record AssessmentCompleted(
        UUID assessmentId,
        UUID employeeId,
        UUID teamId,
        String templateId,
        int templateVersion,
        String method,
        int score,
        String riskLevel,
        List<String> findingCodes,
        boolean clinicalReview,
        Instant completedAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return assessmentId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
