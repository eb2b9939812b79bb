package io.upright.assessments.campaign;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to one assessment campaign, as stored in the event store (stream type {@code campaign}). */
public sealed interface CampaignEvent {

    /** HR asked a team to assess on a template by {@code dueDate} (a calendar date, UTC for validation). */
    @EventName("CampaignStarted")
    record CampaignStarted(UUID campaignId, UUID teamId, String templateId, LocalDate dueDate, Instant startedAt)
            implements CampaignEvent {
    }
}
