package io.upright.assessments.campaign;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.assessments.AssessmentsConfig;
import io.upright.assessments.team.EmployeeTeams;
import io.upright.assessments.template.ChecklistTemplates;
import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Application service of campaigns: event store, read model and outbox change together in one transaction. */
@ApplicationScoped
public class Campaigns {

    static final String STREAM_TYPE = "campaign";

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    ChecklistTemplates templates;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    DataSource dataSource;

    @Inject
    AssessmentsConfig config;

    /** Campaign due dates are checked against "today (UTC)" of this clock. */
    @Inject
    Clock clock;

    /** Built once here rather than as a static constant: the decider asks the injected template bean. */
    private Aggregate<CampaignDecider.Command, CampaignDecider.Campaign, CampaignEvent> campaign;

    @PostConstruct
    void init() {
        campaign = Aggregate.of(STREAM_TYPE, CampaignEvent.class,
                new CampaignDecider(id -> id != null && templates.library().latest(id).isPresent()));
    }

    @Transactional
    public CampaignRecord start(String tenant, UUID teamId, String templateId, LocalDate dueDate) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        Decision<CampaignDecider.Campaign, CampaignEvent> decision = aggregates.handle(tenant, campaign, id,
                new CampaignDecider.Start(id, teamId, employeeTeams.knows(tenant, teamId), templateId, dueDate, now));
        CampaignDecider.Campaign started = decision.state();
        CampaignRecord record = new CampaignRecord();
        record.tenantId = tenant;
        record.id = id;
        record.teamId = started.teamId();
        record.templateId = started.templateId();
        record.dueDate = started.dueDate();
        record.startedAt = started.startedAt();
        record.version = decision.version();
        record.persistAndFlush();
        outbox.enqueue(tenant, new AssessmentCampaignStarted(id, started.teamId(), started.templateId(),
                started.dueDate(), started.startedAt()));
        return record;
    }

    /** Another tenant's campaign reads as missing. */
    public CampaignRecord get(String tenant, UUID id) {
        CampaignRecord record = CampaignRecord.of(tenant, id);
        if (record == null) {
            throw Rejection.notFound("Campaign " + id);
        }
        return record;
    }

    /** Newest first; ties (same start instant) broken by id so pages are stable. */
    public List<CampaignRecord> list(String tenant, int page, int size) {
        return CampaignRecord.find("tenantId = ?1", Sort.descending("startedAt").and("id"), tenant)
                .page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return CampaignRecord.count("tenantId = ?1", tenant);
    }

    /**
     * Of the team's currently known employees, how many submitted an assessment of the campaign's template (any
     * version) at or after its start; suppressed below the anonymity threshold in force for the tenant (the
     * service's, or the tenant's own stricter k from insights, {@link TenantThresholds}). Counts only, never who.
     */
    public Coverage coverage(CampaignRecord campaign) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*), coalesce(sum(case when exists ("
                             + " select 1 from assessment a where a.tenant_id = t.tenant_id and a.employee_id = t.employee_id"
                             + " and a.template_id = ? and a.status = 'SUBMITTED' and a.submitted_at >= ?) then 1 else 0 end), 0),"
                             + " (select k.threshold from tenant_anonymity_threshold k where k.tenant_id = ?)"
                             + " from employee_team t where t.tenant_id = ? and t.team_id = ?")) {
            ps.setString(1, campaign.templateId);
            ps.setObject(2, campaign.startedAt.atOffset(ZoneOffset.UTC));
            ps.setString(3, campaign.tenantId);
            ps.setString(4, campaign.tenantId);
            ps.setObject(5, campaign.teamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Integer tenantThreshold = (Integer) rs.getObject(3);
                return Coverage.of(rs.getInt(1), rs.getInt(2), config.anonymityThreshold(), tenantThreshold);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the coverage of a campaign", e);
        }
    }
}
