package io.upright.contracts.assessments;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A desk assessment was submitted and scored. Carries the score, risk level and finding codes only: answers
 * and pain values never leave the assessments service. {@code teamId} is null when the assessments service
 * had not yet learned the employee's team. {@code clinicalReview} asks every service to hold exercises until
 * the employee declares that a clinician cleared them ({@link ClearedByClinician}). {@code precautions} are the
 * {@link Precautions} codes the answers raised (e.g. blood thinners, the stenosis pattern): a consumer refuses an
 * exercise whose contraindication is among them. The urgency of a red flag and the symptom behind it never leave
 * the assessments service.
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
        Instant completedAt,
        List<String> precautions) implements SealedForEmployee {

    public AssessmentCompleted {
        precautions = precautions == null ? List.of() : List.copyOf(precautions);
    }

    /** An assessment whose answers raised no precaution (and events written before precautions existed). */
    public AssessmentCompleted(UUID assessmentId, UUID employeeId, UUID teamId, String templateId, int templateVersion,
                               String method, int score, String riskLevel, List<String> findingCodes,
                               boolean clinicalReview, Instant completedAt) {
        this(assessmentId, employeeId, teamId, templateId, templateVersion, method, score, riskLevel, findingCodes,
                clinicalReview, completedAt, List.of());
    }

    @Override
    public String subject() {
        return assessmentId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
