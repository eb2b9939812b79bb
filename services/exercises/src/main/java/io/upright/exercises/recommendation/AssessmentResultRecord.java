package io.upright.exercises.recommendation;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Read model row: the latest result of one assessment method for one employee (id derived from both). */
@Entity
@Table(name = "assessment_result")
public class AssessmentResultRecord extends TenantScopedEntity {

    @Column(name = "employee_id")
    public UUID employeeId;

    public String method;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "finding_codes")
    public String findingCodes;

    public String precautions;

    @Column(name = "clinical_review")
    public boolean clinicalReview;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    static UUID idOf(UUID employeeId, String method) {
        return UUID.nameUUIDFromBytes((employeeId + ":" + method).getBytes(StandardCharsets.UTF_8));
    }

    MethodResult toResult() {
        return new MethodResult(method, assessmentId, split(findingCodes), split(precautions), clinicalReview, assessedAt);
    }

    static String join(List<String> codes) {
        return codes == null ? "" : String.join(",", codes);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
