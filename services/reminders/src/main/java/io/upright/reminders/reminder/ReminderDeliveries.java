package io.upright.reminders.reminder;

import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.outbox.Outbox;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatChannelRecord;
import io.upright.reminders.chat.ChatTarget;
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

    /**
     * A reminder this engine round owns, what it suggests, and the webhooks and chat channels (Slack, Teams) to call.
     * {@code redelivery}: the one extra delivery of a snoozed reminder (its schedule already moved on).
     */
    public record Claimed(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts,
                          List<Target> targets, BreakSuggestion suggestion, List<ChatTarget> chatTargets,
                          String kind, boolean redelivery, java.time.LocalDate dueDate) {
    }

    /** break and sit-stand rows form the employee's chain: settling one queues the next. */
    public static boolean chained(String kind) {
        return ReminderMessage.BREAK.equals(kind) || ReminderMessage.SIT_STAND.equals(kind);
    }

    /** Assessment nudges are not break reminders: no reminders-topic event tells of them. */
    static boolean announced(String kind) {
        return !ReminderMessage.ASSESSMENT_NUDGE.equals(kind);
    }

    private record Row(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts,
                       String kind, boolean redelivery) {
        /** Whether settling this row continues the employee's chain of reminders. */
        boolean continuesChain() {
            return chained(kind) && !redelivery;
        }
    }

    private record DueRow(Row row, UUID teamId, BreakSuggestion suggestion, java.time.LocalDate dueDate) {
    }

    /**
     * Claims up to {@code limit} due reminders that no other engine holds. Those past their time to live are
     * expired right here (and their successor queued); the others become 'sending' and are returned.
     */
    @Transactional
    public List<Claimed> claimDue(int limit, Instant now) {
        List<DueRow> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // the employee's team (for team chat channels) and current suggestion come along; only the queue row is locked
            try (PreparedStatement ps = c.prepareStatement(
                    "select d.tenant_id, d.id, d.employee_id, d.slot, d.expires_at, d.attempts, s.team_id, "
                            + "r.routine_id, r.routine_title, r.duration_minutes, r.withheld, d.kind, d.snoozed_until, d.due_date "
                            + "from due_reminder d "
                            + "left join schedule s on s.tenant_id = d.tenant_id and s.employee_id = d.employee_id "
                            + "left join employee_routine r on r.tenant_id = d.tenant_id and r.employee_id = d.employee_id "
                            + "where d.status = 'pending' and d.due_at <= ? order by d.due_at limit ? for update of d skip locked")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DueRow(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6),
                                rs.getString(12), rs.getTimestamp(13) != null),
                                rs.getObject(7, UUID.class),
                                ReminderMessage.suggestionFor(rs.getString(12), EmployeeRoutines.suggestion(rs.getString(8),
                                        rs.getString(9), (Integer) rs.getObject(10), (Boolean) rs.getObject(11))),
                                rs.getDate(14) == null ? null : rs.getDate(14).toLocalDate()));
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            Map<String, List<Target>> targetsByTenant = new HashMap<>();
            Map<String, List<ChatTarget>> chatByTenant = new HashMap<>();
            for (DueRow dueRow : due) {
                Row row = dueRow.row();
                if (!row.expiresAt().isAfter(now)) {
                    setStatus(c, row.tenant(), row.id(), "pending", "expired");
                    aggregates.handle(row.tenant(), STREAM_TYPE, row.id(), ReminderEvent.class, decider,
                            new ReminderDecider.RecordExpired(row.id(), row.employeeId(), row.slot(), now), OptionalLong.empty());
                    if (announced(row.kind())) {
                        outbox.enqueue(row.tenant(), new ReminderExpired(row.id(), row.employeeId(), row.slot(), now));
                    }
                    if (row.continuesChain()) {
                        dueReminders.queueNext(row.tenant(), row.employeeId(), row.slot(), now);
                    }
                    continue;
                }
                BreakSuggestion suggestion = dueRow.suggestion();
                try (PreparedStatement ps = c.prepareStatement(
                        "update due_reminder set status = 'sending', attempts = attempts + 1, claimed_at = ?, routine_id = ? "
                                + "where tenant_id = ? and id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    // what this message suggests: Done with activity 'routine' names it in BreakTaken
                    ps.setString(2, suggestion.suggestsRoutine() ? suggestion.routineId() : null);
                    ps.setString(3, row.tenant());
                    ps.setObject(4, row.id());
                    ps.executeUpdate();
                }
                List<Target> targets = targetsByTenant.computeIfAbsent(row.tenant(), t -> activeEndpoints(c, t));
                List<ChatTarget> chat = chatByTenant.computeIfAbsent(row.tenant(), t -> activeChatChannels(c, t)).stream()
                        .filter(channel -> channel.serves(dueRow.teamId())).toList();
                claimed.add(new Claimed(row.tenant(), row.id(), row.employeeId(), row.slot(), row.expiresAt(),
                        row.attempts() + 1, targets, suggestion, chat, row.kind(), row.redelivery(), dueRow.dueDate()));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due reminders", e);
        }
    }

    /**
     * At least one channel accepted the reminder: mark it sent, record it, announce it, queue the next slot.
     * {@code channel} is the chat kind's channel ({@code slack}, {@code teams}) when a chat channel took it, else
     * {@link #CHANNEL}.
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
        if (announced(reminder.kind())) {
            outbox.enqueue(reminder.tenant(), new BreakReminderSent(reminder.id(), reminder.employeeId(), reminder.slot(),
                    reminder.kind(), channel, sentAt));
        }
        if (chained(reminder.kind()) && !reminder.redelivery()) {
            // a snoozed reminder's schedule moved on when it was first delivered
            dueReminders.queueNext(reminder.tenant(), reminder.employeeId(), reminder.slot(), sentAt);
        }
    }

    /**
     * No channel accepted the reminder. While a call could still succeed later, retry with a growing pause, but
     * not before {@code notBefore} (a receiver's Retry-After, may be null), and only while that still lands
     * before it expires (otherwise: {@code retries-exhausted}). A final verdict (gone, rejected, refused, no
     * channel) fails it at once. A failure publishes {@code ReminderDeliveryFailed} and queues the next slot.
     */
    @Transactional
    public void notDelivered(Claimed reminder, Instant now, Instant notBefore, DeliveryVerdict verdict) {
        Instant retryAt = now.plus(backoff(config.engineFirstRetry(), reminder.attempts()));
        if (notBefore != null && notBefore.isAfter(retryAt)) {
            retryAt = notBefore;
        }
        try (Connection c = dataSource.getConnection()) {
            if (verdict.retryable() && retryAt.isBefore(reminder.expiresAt())) {
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
                setFailureReason(c, reminder.tenant(), reminder.id(), verdict.reason());
                fail(reminder.tenant(), reminder.id(), reminder.employeeId(), reminder.slot(), reminder.attempts(),
                        verdict.reason(), now, !chained(reminder.kind()) || reminder.redelivery());
                if (announced(reminder.kind())) {
                    outbox.enqueue(reminder.tenant(), new ReminderDeliveryFailed(reminder.id(), reminder.employeeId(),
                            verdict.channel(), verdict.reason(), now));
                }
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
                    "select tenant_id, id, employee_id, slot, expires_at, attempts, kind, snoozed_until from due_reminder "
                            + "where status = 'sending' and claimed_at < ? limit ? for update skip locked")) {
                ps.setTimestamp(1, Timestamp.from(claimedBefore));
                ps.setInt(2, ABANDONED_PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        abandoned.add(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6),
                                rs.getString(7), rs.getTimestamp(8) != null));
                    }
                }
            }
            for (Row row : abandoned) {
                setStatus(c, row.tenant(), row.id(), "sending", "failed");
                // the receiver may well have it: no ReminderDeliveryFailed, whose reasons all mean "not delivered"
                fail(row.tenant(), row.id(), row.employeeId(), row.slot(), row.attempts(), "delivery outcome unknown", now,
                        !row.continuesChain());
            }
            return abandoned.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot settle abandoned reminders", e);
        }
    }

    private void fail(String tenant, UUID id, UUID employeeId, Instant slot, int attempts, String reason, Instant now,
                      boolean outsideChain) {
        aggregates.handle(tenant, STREAM_TYPE, id, ReminderEvent.class, decider,
                new ReminderDecider.RecordFailed(id, employeeId, slot, attempts, reason, now), OptionalLong.empty());
        if (!outsideChain) {
            dueReminders.queueNext(tenant, employeeId, slot, now);
        }
    }

    private static void setFailureReason(Connection c, String tenant, UUID id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update due_reminder set failure_reason = ? where tenant_id = ? and id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, tenant);
            ps.setObject(3, id);
            ps.executeUpdate();
        }
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

    /** Every kind's active channels of the tenant: Slack first, then Teams, each oldest first. */
    private static List<ChatTarget> activeChatChannels(Connection c, String tenant) {
        List<ChatTarget> targets = new ArrayList<>();
        for (ChatChannelKind kind : ChatChannelKind.values()) {
            try (PreparedStatement ps = c.prepareStatement("select id, sealed_url, team_id from " + ChatChannelRecord.table(kind)
                    + " where tenant_id = ? and status = 'active' order by created_at, id")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        targets.add(new ChatTarget(kind, rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getObject(3, UUID.class)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read " + kind.displayName() + " channels", e);
            }
        }
        return targets;
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
