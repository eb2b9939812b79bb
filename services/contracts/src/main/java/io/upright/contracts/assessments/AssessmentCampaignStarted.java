package io.upright.contracts.assessments;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * HR asked a team to assess (or re-assess) their desks on a checklist template by a date. It names no one:
 * consumers (reminders) resolve the team's members from their own copy of the enrolments.
 *
 * @param dueDate the last day to submit, as a calendar date (ISO {@code yyyy-MM-dd}); each member's own time zone
 *                decides when that day ends for them
 */
public record AssessmentCampaignStarted(
        UUID campaignId,
        UUID teamId,
        String templateId,
        LocalDate dueDate,
        Instant startedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return campaignId.toString();
    }

    /** A campaign concerns a team, not one employee, so its events are keyed by the campaign. */
    @Override
    public String key() {
        return campaignId.toString();
    }
}
