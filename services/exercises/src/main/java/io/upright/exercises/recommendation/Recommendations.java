package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.exercises.content.PublishedContent;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Application service: turns assessment results into recommendations (event store + outbox, one transaction). */
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

    /** @return the new recommendation, or empty when this assessment was already answered or is stale */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecommendationEvent.Recommended> onAssessmentCompleted(String tenant, AssessmentCompleted completed) {
        Instant now = Instant.now(clock);
        Instant assessedAt = completed.completedAt() == null ? now : completed.completedAt();
        Decision<RecommendationDecider.Recommendations, RecommendationEvent> decision = aggregates.handle(tenant,
                RecommendationDecider.RECOMMENDATIONS, completed.employeeId(),
                new RecommendationDecider.Recommend(UUID.randomUUID(), completed.employeeId(), completed.assessmentId(),
                        completed.findingCodes(), completed.clinicalReview(), assessedAt, now, published.current()));
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
