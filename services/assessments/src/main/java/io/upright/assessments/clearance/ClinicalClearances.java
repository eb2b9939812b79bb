package io.upright.assessments.clearance;

import io.upright.assessments.AssessmentsConfig;
import io.upright.assessments.assessment.AssessmentViews;
import io.upright.assessments.assessment.Assessments;
import io.upright.assessments.scoring.Urgency;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Application service: the clearance stream and the outbox change together in one transaction. */
@ApplicationScoped
public class ClinicalClearances {

    /** The stream type clearances are stored under (erasure deletes these streams). */
    public static final String STREAM_TYPE = "clinical-clearance";

    private static final Aggregate<ClearanceDecider.Declare, ClearanceDecider.Clearances, ClearanceEvent> CLEARANCES =
            Aggregate.of(STREAM_TYPE, ClearanceEvent.class, new ClearanceDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    Assessments assessments;

    @Inject
    AssessmentsConfig config;

    @Inject
    Clock clock;

    /**
     * One stream per employee, its id derived from theirs so no lookup table is needed; the prefix keeps it apart
     * from any assessment id. The event store keys streams by tenant too, so tenants never share one.
     */
    public static UUID streamId(UUID employeeId) {
        return UUID.nameUUIDFromBytes((STREAM_TYPE + ":" + employeeId).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    public ClinicalStatus declare(String tenant, UUID employeeId, String clearedOn, String note) {
        Optional<Assessments.Snapshot> latest = assessments.latestSubmitted(tenant, employeeId, null);
        Instant now = Instant.now(clock);
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        Decision<ClearanceDecider.Clearances, ClearanceEvent> decision = aggregates.handle(tenant, CLEARANCES,
                streamId(employeeId), new ClearanceDecider.Declare(UUID.randomUUID(), employeeId,
                        latest.map(ClinicalClearances::latestOf).orElse(null), parseDate(clearedOn), trimmed,
                        // the latest calendar date anywhere now: "today" in any time zone is not the future
                        LocalDate.ofInstant(now, ZoneOffset.MAX), config.rescreenAfter(), now));
        ClearanceEvent.ClearanceDeclared declared = decision.state().latest().orElseThrow();
        // the note stays here: the topic learns only that, when and until when the employee was cleared
        outbox.enqueue(tenant, new ClearedByClinician(declared.clearanceId(), employeeId, declared.assessmentId(),
                declared.clearedOn(), declared.rescreenBy(), declared.declaredAt()));
        return statusOf(latest, decision.state(), now);
    }

    public ClinicalStatus status(String tenant, UUID employeeId) {
        Optional<Assessments.Snapshot> latest = assessments.latestSubmitted(tenant, employeeId, null);
        return statusOf(latest, clearances(tenant, employeeId), Instant.now(clock));
    }

    /** Every clearance the employee declared, oldest first (for their own data export). */
    public List<ClearanceEvent.ClearanceDeclared> history(String tenant, UUID employeeId) {
        return clearances(tenant, employeeId).declared();
    }

    private ClearanceDecider.Clearances clearances(String tenant, UUID employeeId) {
        return aggregates.read(tenant, CLEARANCES, streamId(employeeId)).state();
    }

    private static ClinicalStatus statusOf(Optional<Assessments.Snapshot> latest, ClearanceDecider.Clearances clearances,
                                           Instant now) {
        Urgency urgency = latest.map(s -> AssessmentViews.urgencyOf(s.state().result(), s.state().answers()))
                .orElse(Urgency.NONE);
        return ClinicalStatus.of(latest.map(ClinicalClearances::latestOf).orElse(null), urgency, clearances,
                LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static ClearanceDecider.LatestAssessment latestOf(Assessments.Snapshot snapshot) {
        return new ClearanceDecider.LatestAssessment(snapshot.state().id(), snapshot.state().result().submittedAt(),
                snapshot.state().result().clinicalReview());
    }

    private static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("clearedOn", "must be a date as YYYY-MM-DD");
        }
    }
}
