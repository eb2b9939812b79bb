package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.exercises.content.PublishedContent;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service: turns assessment results into recommendations (event store + outbox, one transaction). */
@ApplicationScoped
public class Recommendations {

    static final String STREAM_TYPE = "recommendation";

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    PublishedContent published;

    @Inject
    EventStore eventStore;

    /** Built per use: the recommender picks from the routines published at that moment. */
    private RecommendationDecider decider() {
        return new RecommendationDecider(new Recommender(published.current()));
    }

    /** @return the new recommendation, or empty when this assessment was already answered or is stale */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onAssessmentCompleted(String tenant, AssessmentCompleted completed) {
        Instant assessedAt = completed.completedAt() == null ? Instant.now() : completed.completedAt();
        Decision<RecommendationDecider.Recommendations, RecommendationEvent> decision = aggregates.handle(tenant,
                STREAM_TYPE, completed.employeeId(), RecommendationEvent.class, decider(),
                new RecommendationDecider.Recommend(UUID.randomUUID(), completed.employeeId(), completed.assessmentId(),
                        completed.findingCodes(), completed.clinicalReview(), assessedAt, Instant.now()),
                OptionalLong.empty());
        if (decision.newEvents().isEmpty()) {
            return Optional.empty();
        }
        RecommendationEvent.Recommended r = (RecommendationEvent.Recommended) decision.newEvents().get(0);
        outbox.enqueue(tenant, new RoutineRecommended(r.recommendationId(), r.employeeId(), r.assessmentId(),
                r.routineId(), r.routineTitle(), r.durationMinutes(), r.findingCodes(), r.withheldForClinicalReview(),
                r.recommendedAt()));
        return Optional.of(r);
    }

    /** Forgets an erased employee's recommendation stream (stream id = employee id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, UUID employeeId) {
        return eventStore.erase(tenant, STREAM_TYPE, List.of(employeeId));
    }

    public Current current(String tenant, UUID employeeId) {
        Decision<RecommendationDecider.Recommendations, RecommendationEvent> read = aggregates.read(tenant, employeeId,
                RecommendationEvent.class, decider());
        if (!read.state().any()) {
            throw ProblemException.notFound("A recommendation for you");
        }
        return new Current(read.state().current(), read.version());
    }

    public record Current(RecommendationEvent.Recommended recommended, long version) {
    }
}
