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
import java.time.LocalDate;
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

    @Inject
    javax.sql.DataSource dataSource;

    /** Nudges the team's active members and keeps the campaign for members whose enrolment arrives later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onCampaign(String tenant, AssessmentCampaignStarted campaign) {
        remember(tenant, campaign);
        int queued = 0;
        for (UUID member : schedules.activeMembers(tenant, List.of(campaign.teamId()))) {
            if (nudge(tenant, member, campaign.campaignId(), campaign.dueDate())) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * A member enrolled in a team (their enrolment may have reached us after the campaign did): nudged for each of
     * the team's campaigns not yet past due. The dedupe key makes it once per member and campaign, whichever came first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onEnrolled(String tenant, UUID member, UUID teamId) {
        if (teamId == null) {
            return 0;
        }
        int queued = 0;
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("select campaign_id, due_date from assessment_campaign "
                     + "where tenant_id = ? and team_id = ? and due_date >= ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, teamId);
            // a day's slack for zones ahead of UTC; nudge() checks the due date in the member's own zone
            ps.setObject(3, today.minusDays(1));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (nudge(tenant, member, rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))) {
                        queued++;
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the team's campaigns", e);
        }
        return queued;
    }

    private void remember(String tenant, AssessmentCampaignStarted campaign) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("insert into assessment_campaign (tenant_id, campaign_id, "
                     + "team_id, due_date) values (?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, tenant);
            ps.setObject(2, campaign.campaignId());
            ps.setObject(3, campaign.teamId());
            ps.setObject(4, campaign.dueDate());
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot keep the campaign", e);
        }
    }

    /** One member's nudge, at the first moment their working hours allow and before the due date ends for them. */
    private boolean nudge(String tenant, UUID member, UUID campaignId, LocalDate dueDate) {
        Instant now = Instant.now(clock);
        Optional<ReminderChain.Planned> planned = chain.scheduleOf(tenant, member);
        if (planned.isEmpty()) {
            return false; // their program is paused or ended
        }
        Instant dueEnd = dueDate.plusDays(1).atStartOfDay(planned.get().breaks().zone()).toInstant();
        Instant slot = planned.get().breaks().firstAllowed(now.plus(LEAD)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!slot.isBefore(dueEnd)) {
            return false; // no working time left before the due date
        }
        Instant expires = slot.plus(TIME_TO_LIVE).isBefore(dueEnd) ? slot.plus(TIME_TO_LIVE) : dueEnd;
        return queue.queue(tenant, member, slot, expires, ReminderKind.ASSESSMENT_NUDGE,
                member + "@campaign@" + campaignId, campaignId, dueDate);
    }
}
