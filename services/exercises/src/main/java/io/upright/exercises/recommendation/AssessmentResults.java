package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.AssessmentCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest result of each assessment method per employee ({@code assessment_result}). Written in the consumer's
 * transaction, so it moves with the recommendation stream and the inbox row.
 */
@ApplicationScoped
public class AssessmentResults {

    /** Method name when a result does not say (results written before methods existed). */
    static final String UNKNOWN_METHOD = RecommendationDecider.LEGACY_METHOD;

    /**
     * Keeps this result when it is the first or the newest of its method.
     *
     * @return false for a result seen before or older than the one kept (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String tenant, AssessmentCompleted completed, Instant assessedAt) {
        String method = method(completed);
        UUID id = AssessmentResultRecord.idOf(completed.employeeId(), method);
        AssessmentResultRecord row = AssessmentResultRecord.findById(new AssessmentResultRecord.Key(tenant, id));
        if (row != null && (row.assessmentId.equals(completed.assessmentId()) || assessedAt.isBefore(row.assessedAt))) {
            return false;
        }
        boolean fresh = row == null;
        if (fresh) {
            row = new AssessmentResultRecord();
            row.tenantId = tenant;
            row.id = id;
            row.employeeId = completed.employeeId();
            row.method = method;
        }
        row.assessmentId = completed.assessmentId();
        row.findingCodes = AssessmentResultRecord.join(completed.findingCodes());
        row.precautions = AssessmentResultRecord.join(completed.precautions());
        row.clinicalReview = completed.clinicalReview();
        row.assessedAt = assessedAt;
        if (fresh) {
            row.persist();
        }
        return true;
    }

    /**
     * A clinician cleared the employee: lifts the review flag of the cleared assessment and of every result
     * assessed before the clearance was declared. A red flag raised after it still pauses.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(String tenant, UUID employeeId, UUID assessmentId, Instant declaredAt) {
        for (AssessmentResultRecord row : rows(tenant, employeeId)) {
            if (row.assessmentId.equals(assessmentId) || (declaredAt != null && !row.assessedAt.isAfter(declaredAt))) {
                row.clinicalReview = false;
            }
        }
    }

    /** Every method's latest result for this employee (empty when none arrived since results were kept). */
    public List<MethodResult> latest(String tenant, UUID employeeId) {
        return rows(tenant, employeeId).stream().map(AssessmentResultRecord::toResult).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, UUID employeeId) {
        return (int) AssessmentResultRecord.delete("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }

    static String method(AssessmentCompleted completed) {
        return completed.method() == null || completed.method().isBlank() ? UNKNOWN_METHOD : completed.method();
    }

    private static List<AssessmentResultRecord> rows(String tenant, UUID employeeId) {
        return AssessmentResultRecord.list("tenantId = ?1 and employeeId = ?2 order by method", tenant, employeeId);
    }
}
