package io.upright.contracts.assessments;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The employee declared that a clinician examined them and cleared them to exercise after a red flag paused
 * their exercises. Consumers lift the clinical-review pause; precautions from the answers still apply. The
 * employee is asked to take the safety screen again by {@code rescreenBy}. Their optional note stays in the
 * assessments service.
 */
public record ClearedByClinician(
        UUID clearanceId,
        UUID employeeId,
        UUID assessmentId,
        LocalDate clearedOn,
        LocalDate rescreenBy,
        Instant declaredAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return clearanceId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
