package io.upright.assessments.assessment;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of an assessment for lists; answers are deliberately not copied here. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord extends TenantScopedEntity {

    @Column(name = "employee_id")
    public UUID employeeId;

    @Column(name = "template_id")
    public String templateId;

    @Column(name = "template_version")
    public int templateVersion;

    public String status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public Integer score;

    @Column(name = "risk_level")
    public String riskLevel;

    @Column(name = "clinical_review")
    public Boolean clinicalReview;

    public long version;

    public static AssessmentRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }
}
