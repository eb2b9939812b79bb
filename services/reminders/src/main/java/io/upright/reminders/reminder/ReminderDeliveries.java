package io.upright.reminders.reminder;

import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.outbox.Outbox;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.slack.SlackTarget;
import io.upright.reminders.webhook.WebhookDelivery.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The engine's transactions. A reminder is claimed (pending → sending) in one short transaction, delivered
 * with no lock held, and settled in another; each settling update only applies to a row still 'sending',
 * so a reminder is settled, and its events written, exactly once.
 */
@ApplicationScoped
public class ReminderDeliveries {

    static final String STREAM_TYPE = "reminder";
    public static final String CHANNEL = "webhook";
    public static final String SLACK_CHANNEL = "slack";
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(2);
    /** Abandoned claims settled per transaction; the engine asks again while pages come back full. */
    static final int ABANDONED_PAGE = 100;

    private final ReminderDecider decider = new ReminderDecider();

    @Inject
    DataSource dataSource;

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    DueReminders dueReminders;

    @Inject
    RemindersConfig config;

    /** A reminder this engine round owns, what it suggests, and the webhooks and Slack channels to call. */
    public record Claimed(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts,
                          List<Target> targets, BreakSuggestion suggestion, List<SlackTarget> slackTargets) {
    }

    private record Row(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts) {
    }

    private record DueRow(Row row, UUID teamId, BreakSuggestion suggestion) {
    }

    /**
     * Claims up to {@code limit} due reminders that no other engine holds. Those past their time to live are
     * expired right here (and their successor queued); the others become 'sending' and are returned.
     */
    @Transactional
    public List<Claimed> claimDue(int limit, Instant now) {
        List<DueRow> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // the employee's team (for team Slack channels) and current suggestion come along; only the queue row is locked
            try (PreparedStatement ps = c.prepareStatement(
                    "select d.tenant_id, d.id, d.employee_id, d.slot, d.expires_at, d.attempts, s.team_id, "
                            + "r.routine_id, r.routine_title, r.duration_minutes, r.withheld from due_reminder d "
                            + "left join schedule s on s.tenant_id = d.tenant_id and s.employee_id = d.employee_id "
                            + "left join employee_routine r on r.tenant_id = d.tenant_id and r.employee_id = d.employee_id "
                            + "where d.status = 'pending' and d.due_at <= ? order by d.due_at limit ? for update of d skip locked")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DueRow(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6)),
                                rs.getObject(7, UUID.class),
                                EmployeeRoutines.suggestion(rs.getString(8), rs.getString(9), (Integer) rs.getObject(10),
                                        (Boolean) rs.getObject(11))));
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            Map<String, List<Target>> targetsByTenant = new HashMap<>();
            Map<String, List<SlackTarget>> slackByTenant = new HashMap<>();
            for (DueRow dueRow : due) {
                Row row = dueRow.row();
                if (!row.expiresAt().isAfter(now)) {
                    setStatus(c, row.tenant(), row.id(), "pending", "expired");
                    aggregates.handle(row.tenant(), STREAM_TYPE, row.id(), ReminderEvent.class, decider,
                            new ReminderDecider.RecordExpired(row.id(), row.employeeId(), row.slot(), now), OptionalLong.empty());
                    dueReminders.queueNext(row.tenant(), row.employeeId(), row.slot(), now);
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "update due_reminder set status = 'sending', attempts = attempts + 1, claimed_at = ? "
                                + "where tenant_id = ? and id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, row.tenant());
                    ps.setObject(3, row.id());
                    ps.executeUpdate();
                }
                List<Target> targets = targetsByTenant.computeIfAbsent(row.tenant(), t -> activeEndpoints(c, t));
                List<SlackTarget> slack = slackByTenant.computeIfAbsent(row.tenant(), t -> activeSlackChannels(c, t)).stream()
                        .filter(channel -> channel.serves(dueRow.teamId())).toList();
                claimed.add(new Claimed(row.tenant(), row.id(), row.employeeId(), row.slot(), row.expiresAt(),
                        row.attempts() + 1, targets, dueRow.suggestion(), slack));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due reminders", e);
        }
    }

    /**
     * At least one channel accepted the reminder: mark it sent, record it, announce it, queue the next slot.
     * {@code channel} is {@link #SLACK_CHANNEL} when a Slack channel took it, else {@link #CHANNEL}.
     */
    @Transactional
    public void delivered(Claimed reminder, Instant sentAt, String channel) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update due_reminder set status = 'sent', sent_at = ? where tenant_id = ? and id = ? and status = 'sending'")) {
                ps.setTimestamp(1, Timestamp.from(sentAt));
                ps.setString(2, reminder.tenant());
                ps.setObject(3, reminder.id());
                if (ps.executeUpdate() == 0) {
                    return; // settled elsewhere (its claim went stale); that path wrote the events
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark a reminder sent", e);
        }
        aggregates.handle(reminder.tenant(), STREAM_TYPE, reminder.id(), ReminderEvent.class, decider,
                new ReminderDecider.RecordSent(reminder.id(), reminder.employeeId(), reminder.slot(), channel,
                        reminder.attempts(), sentAt), OptionalLong.empty());
        outbox.enqueue(reminder.tenant(), new BreakReminderSent(reminder.id(), reminder.employeeId(), reminder.slot(), channel, sentAt));
        dueReminders.queueNext(reminder.tenant(), reminder.employeeId(), reminder.slot(), sentAt);
    }

    /**
     * No channel accepted the reminder. Retry with a growing pause, but not before {@code notBefore} (a
     * receiver's Retry-After, may be null), while that still lands before it expires; otherwise it has failed,
     * and the next slot is queued.
     */
    @Transactional
    public void notDelivered(Claimed reminder, Instant now, Instant notBefore, String reason) {
        Instant retryAt = now.plus(backoff(config.engineFirstRetry(), reminder.attempts()));
        if (notBefore != null && notBefore.isAfter(retryAt)) {
            retryAt = notBefore;
        }
        try (Connection c = dataSource.getConnection()) {
            if (retryAt.isBefore(reminder.expiresAt())) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update due_reminder set status = 'pending', due_at = ?, claimed_at = null "
                                + "where tenant_id = ? and id = ? and status = 'sending'")) {
                    ps.setTimestamp(1, Timestamp.from(retryAt));
                    ps.setString(2, reminder.tenant());
                    ps.setObject(3, reminder.id());
                    ps.executeUpdate();
                }
                return;
            }
            if (setStatus(c, reminder.tenant(), reminder.id(), "sending", "failed")) {
                fail(reminder.tenant(), reminder.id(), reminder.employeeId(), reminder.slot(), reminder.attempts(), reason, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reschedule a reminder", e);
        }
    }

    /**
     * Reminders left 'sending' by an engine that died mid-call. Whether the receiver got them is unknown, and
     * sending again could remind twice, so they are recorded as failed and the schedule moves on.
     *
     * @return how many were settled
     */
    @Transactional
    public int failAbandoned(Instant claimedBefore, Instant now) {
        List<Row> abandoned = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select tenant_id, id, employee_id, slot, expires_at, attempts from due_reminder "
                            + "where status = 'sending' and claimed_at < ? limit ? for update skip locked")) {
                ps.setTimestamp(1, Timestamp.from(claimedBefore));
                ps.setInt(2, ABANDONED_PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        abandoned.add(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6)));
                    }
                }
            }
            for (Row row : abandoned) {
                setStatus(c, row.tenant(), row.id(), "sending", "failed");
                fail(row.tenant(), row.id(), row.employeeId(), row.slot(), row.attempts(), "delivery outcome unknown", now);
            }
            return abandoned.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot settle abandoned reminders", e);
        }
    }

    private void fail(String tenant, UUID id, UUID employeeId, Instant slot, int attempts, String reason, Instant now) {
        aggregates.handle(tenant, STREAM_TYPE, id, ReminderEvent.class, decider,
                new ReminderDecider.RecordFailed(id, employeeId, slot, attempts, reason, now), OptionalLong.empty());
        dueReminders.queueNext(tenant, employeeId, slot, now);
    }

    static Duration backoff(Duration firstRetry, int attempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
    }

    private static boolean setStatus(Connection c, String tenant, UUID id, String from, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update due_reminder set status = ? where tenant_id = ? and id = ? and status = ?")) {
            ps.setString(1, to);
            ps.setString(2, tenant);
            ps.setObject(3, id);
            ps.setString(4, from);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<SlackTarget> activeSlackChannels(Connection c, String tenant) {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, sealed_url, team_id from slack_channel where tenant_id = ? and status = 'active' order by created_at, id")) {
            ps.setString(1, tenant);
            List<SlackTarget> targets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targets.add(new SlackTarget(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)));
                }
            }
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Slack channels", e);
        }
    }

    private static List<Target> activeEndpoints(Connection c, String tenant) {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, url, sealed_secret from webhook_endpoint where tenant_id = ? and status = 'active' order by created_at, id")) {
            ps.setString(1, tenant);
            List<Target> targets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                }
            }
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook endpoints", e);
        }
    }
}
