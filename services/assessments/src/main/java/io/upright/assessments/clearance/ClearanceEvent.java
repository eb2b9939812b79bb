package io.upright.assessments.clearance;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to one employee's clinical clearances, as stored in the assessments event store. */
public sealed interface ClearanceEvent {

    /**
     * The employee declared that a clinician cleared them after {@code assessmentId} paused their exercises.
     * {@code note} is their own free text (health data): it never leaves this service except in their own export,
     * and erasure deletes the whole stream.
     */
    @EventName("ClearanceDeclared")
    record ClearanceDeclared(UUID clearanceId, UUID employeeId, UUID assessmentId, LocalDate clearedOn,
                             LocalDate rescreenBy, String note, Instant declaredAt) implements ClearanceEvent {
    }
}
