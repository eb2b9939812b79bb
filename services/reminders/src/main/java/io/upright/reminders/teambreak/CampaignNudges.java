package io.upright.reminders.teambreak;

import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.schedule.ReminderChain;
import io.upright.reminders.schedule.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An assessment campaign asks a team to (re)assess their desks by a date: each active member gets one nudge, at
 * the first moment their own working hours (lunch, quiet windows, pause) allow from now, provided that is before
 * the due date ends in their zone. Once per member and campaign (dedupe key), however often the event arrives.
 */
@ApplicationScoped
public class CampaignNudges {

    @Inject
    Clock clock;

    /** A nudge not delivered within an hour of its slot is dropped; never after the due date. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(1);
    /** A moment's grace so the nudge is not due before the transaction that queues it has committed. */
    static final Duration LEAD = Duration.ofSeconds(5);

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    Schedules schedules;

    @Transactional(Transactional.TxType.MANDATORY)
    public int onCampaign(String tenant, AssessmentCampaignStarted campaign) {
        Instant now = Instant.now(clock);
        int queued = 0;
        for (UUID member : schedules.activeMembers(tenant, List.of(campaign.teamId()))) {
            Optional<ReminderChain.Planned> planned = chain.scheduleOf(tenant, member);
            if (planned.isEmpty()) {
                continue; // their program is paused or ended
            }
            Instant dueEnd = campaign.dueDate().plusDays(1).atStartOfDay(planned.get().breaks().zone()).toInstant();
            Instant slot = planned.get().breaks().firstAllowed(now.plus(LEAD)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if (!slot.isBefore(dueEnd)) {
                continue; // no working time left before the due date
            }
            Instant expires = slot.plus(TIME_TO_LIVE).isBefore(dueEnd) ? slot.plus(TIME_TO_LIVE) : dueEnd;
            if (queue.queue(tenant, member, slot, expires, ReminderKind.ASSESSMENT_NUDGE,
                    member + "@campaign@" + campaign.campaignId(), campaign.campaignId(), campaign.dueDate())) {
                queued++;
            }
        }
        return queued;
    }
}
