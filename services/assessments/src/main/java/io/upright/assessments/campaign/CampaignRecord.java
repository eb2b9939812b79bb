package io.upright.assessments.campaign;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model of a campaign, for HR's list and coverage. */
@Entity
@Table(name = "assessment_campaign")
public class CampaignRecord extends TenantScopedEntity {

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "template_id")
    public String templateId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "started_at")
    public Instant startedAt;

    public long version;

    public static CampaignRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }
}
