package io.upright.exercises.recommendation;

import io.upright.exercises.content.PublishedContent;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Application service of the readiness screen and technique confirmations: each change is appended to the
 * employee's readiness stream (optimistic concurrency) and the current recommendation is checked again in the
 * same transaction.
 */
@ApplicationScoped
public class ExerciseReadiness {

    @Inject
    AggregateStore aggregates;

    @Inject
    EventStore eventStore;

    @Inject
    Recommendations recommendations;

    @Inject
    PublishedContent published;

    @Inject
    Clock clock;

    @Transactional
    public Decision<ReadinessDecider.State, ReadinessEvent> answer(String tenant, UUID employeeId,
                                                                  ReadinessAnswers answers, OptionalLong ifMatch) {
        return changed(tenant, employeeId, aggregates.handle(tenant, ReadinessDecider.READINESS,
                ReadinessDecider.streamId(employeeId), new ReadinessDecider.AnswerScreen(employeeId, answers,
                        Instant.now(clock)), ifMatch));
    }

    @Transactional
    public Decision<ReadinessDecider.State, ReadinessEvent> confirm(String tenant, UUID employeeId, String exerciseId,
                                                                   String basis) {
        return changed(tenant, employeeId, aggregates.handle(tenant, ReadinessDecider.READINESS,
                ReadinessDecider.streamId(employeeId), new ReadinessDecider.ConfirmTechnique(employeeId, exerciseId,
                        basis, Instant.now(clock), published.current())));
    }

    private Decision<ReadinessDecider.State, ReadinessEvent> changed(String tenant, UUID employeeId,
            Decision<ReadinessDecider.State, ReadinessEvent> decision) {
        if (!decision.newEvents().isEmpty()) {
            recommendations.onReadinessChanged(tenant, employeeId);
        }
        return decision;
    }

    public Decision<ReadinessDecider.State, ReadinessEvent> read(String tenant, UUID employeeId) {
        return aggregates.read(tenant, ReadinessDecider.READINESS, ReadinessDecider.streamId(employeeId));
    }

    /** Every readiness event of the employee, for their data export. */
    public List<ReadinessEvent> history(String tenant, UUID employeeId) {
        return eventStore.load(tenant, ReadinessDecider.streamId(employeeId), ReadinessEvent.class).events();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, UUID employeeId) {
        return eventStore.erase(tenant, ReadinessDecider.READINESS.streamType(), List.of(ReadinessDecider.streamId(employeeId)));
    }
}
