package io.upright.assessments.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Read model of an assessment for lists; answers are deliberately not copied here. */
@Entity
@Table(name = "assessment")
@IdClass(AssessmentRecord.Key.class)
public class AssessmentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

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

    public static class Key implements Serializable {
        public String tenantId;
        public UUID id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
