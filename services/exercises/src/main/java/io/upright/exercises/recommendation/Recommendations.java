package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.exercises.MicroBreak;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.exercises.ProgressionConfig;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.content.PublishedContent;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Application service: turns assessment results and clinicians' clearances into recommendations (stored results,
 * event store and outbox in one transaction).
 */
@ApplicationScoped
public class Recommendations {

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    PublishedContent published;

    @Inject
    EventStore eventStore;

    @Inject
    Clock clock;

    @Inject
    AssessmentResults results;

    @Inject
    EntityManager em;

    @Inject
    ProgressionConfig progression;

    /**
     * Keeps the result as its method's latest, then recommends from every method's latest result combined.
     *
     * @return the new recommendation, or empty when this assessment was already answered or is stale
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onAssessmentCompleted(String tenant, AssessmentCompleted completed) {
        Instant now = Instant.now(clock);
        Instant assessedAt = completed.completedAt() == null ? now : completed.completedAt();
        if (!results.record(tenant, completed, assessedAt)) {
            return Optional.empty();
        }
        Evidence evidence = Evidence.combine(results.latest(tenant, completed.employeeId()))
                .with(readiness(tenant, completed.employeeId()));
        Catalogue library = published.current();
        ProgressionPolicy.Step step = toleranceOfCurrentRoutine(tenant, completed.employeeId());
        return publish(tenant, library, aggregates.handle(tenant, RecommendationDecider.RECOMMENDATIONS,
                completed.employeeId(), new RecommendationDecider.Recommend(UUID.randomUUID(), completed.employeeId(),
                        completed.assessmentId(), AssessmentResults.method(completed), evidence, assessedAt, now, library,
                        step)));
    }

    /**
     * A session was logged: when it was of the routine recommended now and the person's tolerance says move up
     * (enough comfortable sessions over a week) or step back (discomfort rose), recommend again from the stored
     * findings. Runs in the logging transaction, after the session row is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onSessionLogged(String tenant, UUID employeeId, String routineId) {
        var state = aggregates.read(tenant, RecommendationDecider.RECOMMENDATIONS, employeeId).state();
        if (routineId == null || !state.any() || !routineId.equals(state.current().routineId())) {
            return Optional.empty();
        }
        ProgressionPolicy.Step step = toleranceOfCurrentRoutine(tenant, employeeId);
        if (step == ProgressionPolicy.Step.STAY) {
            return Optional.empty();
        }
        return reconsider(tenant, employeeId, state, step);
    }

    /**
     * The employee's readiness changed (screen answered, technique confirmed): check the current recommendation
     * again with the tolerance of the current routine, so a progression held back for readiness advances now, and
     * a vigorous routine is left when an answer turned to "yes". Only a change of routine is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onReadinessChanged(String tenant, UUID employeeId) {
        var state = aggregates.read(tenant, RecommendationDecider.RECOMMENDATIONS, employeeId).state();
        if (!state.any() || state.current().routineId() == null) {
            return Optional.empty();
        }
        return reconsider(tenant, employeeId, state, toleranceOfCurrentRoutine(tenant, employeeId));
    }

    private Optional<RecommendationEvent.Recommended> reconsider(String tenant, UUID employeeId,
            RecommendationDecider.Recommendations state, ProgressionPolicy.Step step) {
        List<MethodResult> latest = results.latest(tenant, employeeId);
        // employees recommended before results were kept: the findings the current recommendation was made from
        Evidence evidence = latest.isEmpty()
                ? new Evidence(state.current().findingCodes(), state.current().precautions(), false)
                : Evidence.combine(latest);
        evidence = evidence.with(readiness(tenant, employeeId));
        Catalogue library = published.current();
        return publish(tenant, library, aggregates.handle(tenant, RecommendationDecider.RECOMMENDATIONS, employeeId,
                new RecommendationDecider.Reconsider(UUID.randomUUID(), employeeId, evidence, step,
                        Instant.now(clock), library)));
    }

    /** The employee's readiness screen and confirmed release techniques, as the recommender needs them. */
    public Readiness readiness(String tenant, UUID employeeId) {
        return aggregates.read(tenant, ReadinessDecider.READINESS, ReadinessDecider.streamId(employeeId)).state().readiness();
    }

    /**
     * What the sessions logged of the routine recommended now allow (read from the session read model by SQL,
     * so this feature does not depend on the session package). Nothing recommended yet: stay.
     */
    ProgressionPolicy.Step toleranceOfCurrentRoutine(String tenant, UUID employeeId) {
        var current = aggregates.read(tenant, RecommendationDecider.RECOMMENDATIONS, employeeId).state();
        if (!current.any() || current.current().routineId() == null) {
            return ProgressionPolicy.Step.STAY;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select completed_at, felt_rating, discomfort from exercise_session "
                        + "where tenant_id = ?1 and employee_id = ?2 and routine_id = ?3")
                .setParameter(1, tenant).setParameter(2, employeeId).setParameter(3, current.current().routineId())
                .getResultList();
        List<ProgressionPolicy.Session> sessions = rows.stream().map(row -> new ProgressionPolicy.Session(
                instant(row[0]), row[1] == null ? null : ((Number) row[1]).intValue(),
                row[2] == null ? null : ((Number) row[2]).intValue())).toList();
        return new ProgressionPolicy(progression.minSessions(), progression.minDays()).decide(sessions);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /**
     * A clinician cleared the employee: the pause is lifted in the stored results and a routine is recommended
     * from them. A redelivered or second clearance finds nothing paused and changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onClearedByClinician(String tenant, ClearedByClinician cleared) {
        Instant now = Instant.now(clock);
        results.clear(tenant, cleared.employeeId(), cleared.assessmentId(),
                cleared.declaredAt() == null ? now : cleared.declaredAt());
        Evidence evidence = Evidence.combine(results.latest(tenant, cleared.employeeId()))
                .with(readiness(tenant, cleared.employeeId()));
        Catalogue library = published.current();
        return publish(tenant, library, aggregates.handle(tenant, RecommendationDecider.RECOMMENDATIONS,
                cleared.employeeId(), new RecommendationDecider.LiftPause(UUID.randomUUID(), cleared.employeeId(),
                        cleared.clearanceId(), cleared.assessmentId(), evidence, now, library)));
    }

    private Optional<RecommendationEvent.Recommended> publish(String tenant, Catalogue library,
            Decision<RecommendationDecider.Recommendations, RecommendationEvent> decision) {
        if (decision.newEvents().isEmpty()) {
            return Optional.empty();
        }
        RecommendationEvent.Recommended r = (RecommendationEvent.Recommended) decision.newEvents().get(0);
        outbox.enqueue(tenant, new RoutineRecommended(r.recommendationId(), r.employeeId(), r.assessmentId(),
                r.routineId(), r.routineTitle(), r.durationMinutes(), r.findingCodes(), r.withheldForClinicalReview(),
                r.recommendedAt(), microBreaks(library, r.microBreakIds()), r.floorOrEquipment(), r.softTissueRelease()));
        return Optional.of(r);
    }

    /** The micro-breaks as reminders show them: id, title and whole minutes (rounded up). */
    static List<MicroBreak> microBreaks(Catalogue library, List<String> ids) {
        return ids.stream().map(library::exercise).flatMap(Optional::stream)
                .map(e -> new MicroBreak(e.id(), e.title(), (e.durationSeconds() + 59) / 60)).toList();
    }

    /** Forgets an erased employee's recommendation stream (stream id = employee id) and stored results. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, UUID employeeId) {
        results.erase(tenant, employeeId);
        return eventStore.erase(tenant, RecommendationDecider.RECOMMENDATIONS.streamType(), List.of(employeeId));
    }

    public Current current(String tenant, UUID employeeId) {
        Decision<RecommendationDecider.Recommendations, RecommendationEvent> read = aggregates.read(tenant,
                RecommendationDecider.RECOMMENDATIONS, employeeId);
        if (!read.state().any()) {
            throw Rejection.notFound("A recommendation for you");
        }
        return new Current(read.state().current(), read.version());
    }

    public record Current(RecommendationEvent.Recommended recommended, long version) {
    }
}
