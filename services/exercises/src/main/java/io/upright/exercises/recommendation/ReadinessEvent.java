package io.upright.exercises.recommendation;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee's readiness stream (one per employee, stream id = {@link ReadinessDecider#streamId(UUID)}): their
 * readiness screen answers and the self-release techniques they confirmed. Health data: it stays in this service,
 * is part of the employee's export and is erased with them; no topic event.
 */
public sealed interface ReadinessEvent {

    /** The employee answered the readiness screen (the latest answers count). */
    @EventName("ReadinessScreenAnswered")
    record ReadinessScreenAnswered(UUID employeeId, ReadinessAnswers answers, Instant answeredAt)
            implements ReadinessEvent {
    }

    /**
     * The employee confirmed a self-release technique: a physiotherapist showed it to them
     * ({@code SHOWN_BY_PHYSIOTHERAPIST}) or they read its safety note ({@code READ_SAFETY_NOTE}).
     */
    @EventName("TechniqueConfirmed")
    record TechniqueConfirmed(UUID employeeId, String exerciseId, String basis, Instant confirmedAt)
            implements ReadinessEvent {
    }
}
