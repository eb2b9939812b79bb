package io.upright.contracts.assessments;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** An employee began a desk assessment on a given checklist template version. */
public record AssessmentStarted(
        UUID assessmentId,
        UUID employeeId,
        String templateId,
        int templateVersion,
        Instant startedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return assessmentId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
