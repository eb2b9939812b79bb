package io.upright.assessments.assessment;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.assessments.team.EmployeeTeams;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.ChecklistTemplates;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service: event store, read model and outbox change together in one transaction. */
@ApplicationScoped
public class Assessments {

    static final String STREAM_TYPE = "assessment";

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    ChecklistTemplates templates;

    @Inject
    EmployeeTeams employeeTeams;

    private AssessmentDecider decider;

    @PostConstruct
    void init() {
        decider = new AssessmentDecider(templates::find);
    }

    public record Snapshot(AssessmentDecider.Assessment state, long version) {
    }

    @Transactional
    public Snapshot start(String tenant, UUID employeeId, String templateId) {
        ChecklistTemplate template = templates.library().latest(templateId)
                .orElseThrow(() -> ProblemException.invalid("templateId", "is not a published checklist template"));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Decision<AssessmentDecider.Assessment, AssessmentEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                AssessmentEvent.class, decider, new AssessmentDecider.Start(id, employeeId, template, now), OptionalLong.empty());
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
                new AssessmentDecider.SaveAnswers(id, employeeId, answers, Instant.now()), ifMatch);
        AssessmentRecord record = AssessmentRecord.of(tenant, id);
        record.version = decision.version();
        return new Snapshot(decision.state(), decision.version());
    }

    @Transactional
    public Snapshot submit(String tenant, UUID employeeId, UUID id, OptionalLong ifMatch) {
        Decision<AssessmentDecider.Assessment, AssessmentEvent> decision = handle(tenant, employeeId, id,
                new AssessmentDecider.Submit(id, employeeId, Instant.now()), ifMatch);
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
                submitted.findingCodes(), submitted.clinicalReview(), submitted.submittedAt()));
        return new Snapshot(state, decision.version());
    }

    /** The owner's view; another employee's or tenant's assessment reads as missing. */
    public Snapshot get(String tenant, UUID employeeId, UUID id) {
        Decision<AssessmentDecider.Assessment, AssessmentEvent> read = aggregates.read(tenant, id, AssessmentEvent.class, decider);
        if (!read.state().exists() || !read.state().employeeId().equals(employeeId)) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return new Snapshot(read.state(), read.version());
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
        AssessmentRecord record = AssessmentRecord.of(tenant, id);
        if (record == null || !record.employeeId.equals(employeeId)) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return aggregates.handle(tenant, STREAM_TYPE, id, AssessmentEvent.class, decider, command, ifMatch);
    }
}
