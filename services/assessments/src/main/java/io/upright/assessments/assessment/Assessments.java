package io.upright.assessments.assessment;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.assessments.team.EmployeeTeams;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.ChecklistTemplates;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service: event store, read model and outbox change together in one transaction. */
@ApplicationScoped
public class Assessments {

    /** The stream type assessments are stored under (erasure deletes these streams). */
    public static final String STREAM_TYPE = "assessment";

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    ChecklistTemplates templates;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    Clock clock;

    /** Built once here rather than as a static constant: the decider looks templates up through the injected bean. */
    private Aggregate<AssessmentDecider.Command, AssessmentDecider.Assessment, AssessmentEvent> assessment;

    @PostConstruct
    void init() {
        assessment = Aggregate.of(STREAM_TYPE, AssessmentEvent.class, new AssessmentDecider(templates::find));
    }

    public record Snapshot(AssessmentDecider.Assessment state, long version) {
    }

    @Transactional
    public Snapshot start(String tenant, UUID employeeId, String templateId) {
        ChecklistTemplate template = templates.library().latest(templateId)
                .orElseThrow(() -> Rejection.invalid("templateId", "is not a published checklist template"));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        Decision<AssessmentDecider.Assessment, AssessmentEvent> decision = aggregates.handle(tenant, assessment, id,
                new AssessmentDecider.Start(id, employeeId, template, now));
        AssessmentRecord record = new AssessmentRecord();
        record.tenantId = tenant;
        record.id = id;
        record.employeeId = employeeId;
        record.templateId = template.id();
        record.templateVersion = template.version();
        record.status = AssessmentDecider.Status.IN_PROGRESS.name();
        record.startedAt = now;
        record.version = decision.version();
        record.persistAndFlush();
        outbox.enqueue(tenant, new AssessmentStarted(id, employeeId, template.id(), template.version(), now));
        return new Snapshot(decision.state(), decision.version());
    }

    @Transactional
    public Snapshot saveAnswers(String tenant, UUID employeeId, UUID id, Map<String, Object> answers, OptionalLong ifMatch) {
        Decision<AssessmentDecider.Assessment, AssessmentEvent> decision = handle(tenant, employeeId, id,
                new AssessmentDecider.SaveAnswers(id, employeeId, answers, Instant.now(clock)), ifMatch);
        AssessmentRecord record = AssessmentRecord.of(tenant, id);
        record.version = decision.version();
        return new Snapshot(decision.state(), decision.version());
    }

    @Transactional
    public Snapshot submit(String tenant, UUID employeeId, UUID id, OptionalLong ifMatch) {
        AssessmentRecord current = owned(tenant, employeeId, id);
        ReassessmentDelta.Outcome previous = previousSubmitted(tenant, employeeId, current.templateId, id)
                .map(p -> p.state().result().outcome(p.state().templateVersion())).orElse(null);
        Decision<AssessmentDecider.Assessment, AssessmentEvent> decision = handle(tenant, employeeId, id,
                new AssessmentDecider.Submit(id, employeeId, Instant.now(clock), previous), ifMatch);
        AssessmentEvent.Submitted submitted = decision.state().result();
        AssessmentRecord record = AssessmentRecord.of(tenant, id);
        record.status = AssessmentDecider.Status.SUBMITTED.name();
        record.submittedAt = submitted.submittedAt();
        record.score = submitted.score();
        record.riskLevel = submitted.riskLevel();
        record.clinicalReview = submitted.clinicalReview();
        record.version = decision.version();
        AssessmentDecider.Assessment state = decision.state();
        // the integration event carries the outcome only: never answers or pain values
        outbox.enqueue(tenant, new AssessmentCompleted(id, employeeId, employeeTeams.teamOf(tenant, employeeId).orElse(null),
                state.templateId(), state.templateVersion(), submitted.method(), submitted.score(), submitted.riskLevel(),
                submitted.findingCodes(), submitted.clinicalReview(), submitted.submittedAt(), submitted.precautions()));
        return new Snapshot(state, decision.version());
    }

    /** The owner's view; another employee's or tenant's assessment reads as missing. */
    public Snapshot get(String tenant, UUID employeeId, UUID id) {
        // the read model first: an id of another aggregate (a campaign) must read as missing, not fail to decode
        owned(tenant, employeeId, id);
        return stored(tenant, employeeId, id);
    }

    /** The assessment's stream, once its read-model row showed it is the employee's. */
    private Snapshot stored(String tenant, UUID employeeId, UUID id) {
        Decision<AssessmentDecider.Assessment, AssessmentEvent> read = aggregates.read(tenant, assessment, id);
        if (!read.state().exists() || !read.state().employeeId().equals(employeeId)) {
            throw Rejection.notFound("Assessment " + id);
        }
        return new Snapshot(read.state(), read.version());
    }

    /** My most recently submitted assessment (optionally of one template id), with its stored result. */
    public Optional<Snapshot> latestSubmitted(String tenant, UUID employeeId, String templateId) {
        String query = "tenantId = ?1 and employeeId = ?2 and status = ?3" + (templateId == null ? "" : " and templateId = ?4");
        Object[] params = templateId == null
                ? new Object[] {tenant, employeeId, AssessmentDecider.Status.SUBMITTED.name()}
                : new Object[] {tenant, employeeId, AssessmentDecider.Status.SUBMITTED.name(), templateId};
        AssessmentRecord latest = AssessmentRecord.find(query, Sort.descending("submittedAt", "id"), params).firstResult();
        // the row was found by tenant and employee: it is theirs, no second look needed
        return Optional.ofNullable(latest).map(r -> stored(tenant, employeeId, r.id));
    }

    /**
     * My submitted assessments of one template id, oldest first by submission time, then id: scores and risk
     * levels only, read from the read model (answers are not needed for a trend).
     */
    public List<AssessmentRecord> trend(String tenant, UUID employeeId, String templateId, int page, int size) {
        return AssessmentRecord.find("tenantId = ?1 and employeeId = ?2 and templateId = ?3 and status = ?4",
                        Sort.ascending("submittedAt", "id"), tenant, employeeId, templateId,
                        AssessmentDecider.Status.SUBMITTED.name())
                .page(Page.of(page, size)).list();
    }

    public long countTrend(String tenant, UUID employeeId, String templateId) {
        return AssessmentRecord.count("tenantId = ?1 and employeeId = ?2 and templateId = ?3 and status = ?4",
                tenant, employeeId, templateId, AssessmentDecider.Status.SUBMITTED.name());
    }

    /** The submitted assessment a new one of the same template id is compared with: the latest one submitted. */
    private Optional<Snapshot> previousSubmitted(String tenant, UUID employeeId, String templateId, UUID excluding) {
        AssessmentRecord previous = AssessmentRecord.find(
                        "tenantId = ?1 and employeeId = ?2 and templateId = ?3 and status = ?4 and id <> ?5",
                        Sort.descending("submittedAt", "id"), tenant, employeeId, templateId,
                        AssessmentDecider.Status.SUBMITTED.name(), excluding)
                .firstResult();
        return Optional.ofNullable(previous).map(r -> get(tenant, employeeId, r.id));
    }

    /** Newest first; ties (same start instant) broken by id so pages are stable. */
    public List<AssessmentRecord> mine(String tenant, UUID employeeId, int page, int size) {
        return AssessmentRecord.find("tenantId = ?1 and employeeId = ?2",
                        Sort.descending("startedAt").and("id"), tenant, employeeId)
                .page(Page.of(page, size)).list();
    }

    public long countMine(String tenant, UUID employeeId) {
        return AssessmentRecord.count("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }

    private Decision<AssessmentDecider.Assessment, AssessmentEvent> handle(String tenant, UUID employeeId, UUID id,
                                                                          AssessmentDecider.Command command, OptionalLong ifMatch) {
        // ownership before If-Match, so a stranger learns nothing from a 412
        owned(tenant, employeeId, id);
        return aggregates.handle(tenant, assessment, id, command, ifMatch);
    }

    private static AssessmentRecord owned(String tenant, UUID employeeId, UUID id) {
        AssessmentRecord record = AssessmentRecord.of(tenant, id);
        if (record == null || !record.employeeId.equals(employeeId)) {
            throw Rejection.notFound("Assessment " + id);
        }
        return record;
    }
}
