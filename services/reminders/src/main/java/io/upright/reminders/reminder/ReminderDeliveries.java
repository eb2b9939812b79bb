package io.upright.reminders.reminder;

import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.outbox.Outbox;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.dose.Recommendation;
import io.upright.reminders.dose.ReleaseCap;
import io.upright.reminders.dose.RoutineTime;
import io.upright.reminders.queue.DueRow;
import io.upright.reminders.queue.QueuedReminder;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.queue.ReminderStatus;
import io.upright.reminders.schedule.ReminderChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.upright.reminders.reminder.ReminderDecider.REMINDER;

/**
 * The engine's transactions. A reminder is claimed (pending → sending) in one short transaction, delivered
 * with no lock held, and settled in another; each settling update only applies to a row still 'sending',
 * so a reminder is settled, and its events written, exactly once.
 */
@ApplicationScoped
public class ReminderDeliveries {

    private static final Duration LONGEST_RETRY = Duration.ofMinutes(2);
    /** Abandoned claims settled per transaction; the sweep asks again while pages come back full. */
    static final int ABANDONED_PAGE = 100;

    @Inject
    ReminderQueue queue;

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    ReminderChain chain;

    @Inject
    RemindersConfig config;

    /**
     * A reminder this engine round owns and the employee's team (which team chat channels serve). What it suggests to
     * the employee is not here: it is kept on the row at claim, and nothing delivered to a channel is made from it.
     * {@code redelivery}: the one extra delivery of a snoozed reminder (its schedule already moved on).
     */
    public record Claimed(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts,
                          UUID teamId, String kind, boolean redelivery, LocalDate dueDate) {
    }

    /** What one claim settled: the reminders to deliver, and how many due rows it took in all (expired ones too). */
    public record Claims(List<Claimed> claimed, int settled) {
    }

    /**
     * Claims up to {@code limit} due reminders that no other engine holds. Those past their time to live are
     * expired right here (and their successor queued); the others become 'sending' and are returned.
     */
    @Transactional
    public Claims claimDue(int limit, Instant now) {
        List<Claimed> claimed = new ArrayList<>();
        List<ReminderQueue.Claim> claims = new ArrayList<>();
        List<DueRow> rows = queue.lockDue(limit, now);
        for (DueRow due : rows) {
            QueuedReminder row = due.reminder();
            if (!row.expiresAt().isAfter(now)) {
                queue.move(row.tenant(), row.id(), ReminderStatus.PENDING, ReminderStatus.EXPIRED);
                aggregates.handle(row.tenant(), REMINDER, row.id(),
                        new ReminderDecider.RecordExpired(row.id(), row.employeeId(), row.slot(), now));
                if (ReminderKind.announced(row.kind())) {
                    outbox.enqueue(row.tenant(), new ReminderExpired(row.id(), row.employeeId(), row.slot(), now));
                }
                if (row.continuesChain()) {
                    chain.queueNext(row.tenant(), row.employeeId(), row.slot(), now);
                }
                continue;
            }
            BreakSuggestion suggestion = suggestion(due, row);
            // what this reminder suggests to the employee, kept on the row for them alone: one-click Done records it,
            // GET /api/me/reminders/{id} shows it, and Done with activity 'routine' names the routine in BreakTaken
            boolean routine = suggestion.suggestsRoutine() || suggestion.suggestsRoutineAtHome();
            claims.add(new ReminderQueue.Claim(row.tenant(), row.id(), suggestion.type(), routine ? suggestion.routineId() : null,
                    routine ? suggestion.routineTitle().strip() : null, routine ? suggestion.durationMinutes() : null,
                    suggestion.withheldForClinicalReview(), suggestion.suggestsMicroBreak() ? suggestion.microBreak() : null,
                    routine && suggestion.softTissueRelease()));
            claimed.add(new Claimed(row.tenant(), row.id(), row.employeeId(), row.slot(), row.expiresAt(),
                    row.attempts() + 1, due.teamId(), row.kind(), row.redelivery(), due.dueDate()));
        }
        // the rows are locked until this transaction ends, so claiming them together after the loop is the same claim
        queue.claimAll(claims, now);
        return new Claims(claimed, rows.size());
    }

    /**
     * The dose rules applied to one due row: a break suggests a micro-break in turn, a routine reminder the routine
     * (within the floor/equipment rule and the weekly release cap), other kinds what they always did.
     */
    private BreakSuggestion suggestion(DueRow due, QueuedReminder row) {
        Recommendation recommendation = due.recommendation();
        if (ReminderKind.BREAK.equals(row.kind())) {
            return BreakSuggestion.forBreak(recommendation, due.turn());
        }
        if (ReminderKind.ROUTINE.equals(row.kind())) {
            RoutineTime time = RoutineTime.parse(due.routineTime()).orElse(RoutineTime.LUNCHTIME);
            int releases = 0;
            if (recommendation.softTissueRelease() && due.timeZone() != null) {
                ReleaseCap.Week week = ReleaseCap.weekOf(row.slot(), ZoneId.of(due.timeZone()));
                releases = queue.releasesSuggested(row.tenant(), row.employeeId(), week.from(), week.until(), row.id());
            }
            return BreakSuggestion.forRoutine(recommendation, time, due.floorExercisesAtWork(), releases, due.turn());
        }
        return BreakSuggestion.forKind(row.kind(), BreakSuggestion.general());
    }

    /**
     * How one claimed reminder's round ended: delivered by a channel, or not (then {@code notBefore} is the latest
     * instant a held target asked for, may be null).
     */
    public record Settlement(Claimed reminder, Instant at, DeliveryVerdict verdict, Instant notBefore) {
    }

    /**
     * Settles a round's reminders in one transaction: one commit for the round instead of one per reminder, which is
     * what bounded a burst's pace. Should any of them fail, nothing of the round is kept; the engine then settles
     * them one by one.
     */
    @Transactional
    public void settleAll(List<Settlement> round) {
        // the delivered ones are marked sent in one batch first (one round trip, not one per reminder); each then has
        // its events written only when its row was still 'sending', exactly as one by one
        List<Settlement> delivered = round.stream().filter(s -> s.verdict().isDelivered()).toList();
        boolean[] marked = queue.markSentAll(delivered.stream()
                .map(s -> new ReminderQueue.Sent(s.reminder().tenant(), s.reminder().id(), s.at())).toList());
        Map<String, List<Settlement>> sentByTenant = new LinkedHashMap<>();
        for (int i = 0; i < delivered.size(); i++) {
            if (marked[i]) {
                sentByTenant.computeIfAbsent(delivered.get(i).reminder().tenant(), t -> new ArrayList<>()).add(delivered.get(i));
            }
        }
        // then, per tenant, what recordSent does for one, in three batches: the ReminderSent events (streams read in one
        // query, appended in one batch), the BreakReminderSent announcements (one outbox batch) and the next slots
        sentByTenant.forEach(this::recordAllSent);
        for (Settlement s : round) {
            if (!s.verdict().isDelivered()) {
                notDelivered(s.reminder(), s.at(), s.notBefore(), s.verdict());
            }
        }
    }

    /** Settles one reminder in its own transaction (or the caller's). */
    @Transactional
    public void settle(Settlement s) {
        if (s.verdict().isDelivered()) {
            // the contract has one channel per reminder: a chat channel, where the employee can answer, wins
            delivered(s.reminder(), s.at(), s.verdict().delivered());
        } else {
            notDelivered(s.reminder(), s.at(), s.notBefore(), s.verdict());
        }
    }

    /**
     * At least one channel accepted the reminder: mark it sent, record it, announce it, queue the next slot.
     * {@code channel} is the kind of the channel the event names (an answerable chat channel when one took it).
     */
    @Transactional
    public void delivered(Claimed reminder, Instant sentAt, String channel) {
        if (!queue.markSentAll(List.of(new ReminderQueue.Sent(reminder.tenant(), reminder.id(), sentAt)))[0]) {
            return; // settled elsewhere (its claim went stale); that path wrote the events
        }
        recordSent(reminder, sentAt, channel);
    }

    /** {@link #recordSent} for many reminders of one tenant, in batches; the same events, announcements and slots. */
    private void recordAllSent(String tenant, List<Settlement> sent) {
        Map<UUID, ReminderDecider.Command> commands = new LinkedHashMap<>();
        List<BreakReminderSent> announcements = new ArrayList<>();
        List<ReminderChain.Next> next = new ArrayList<>();
        for (Settlement s : sent) {
            Claimed reminder = s.reminder();
            String channel = s.verdict().delivered();
            commands.put(reminder.id(), new ReminderDecider.RecordSent(reminder.id(), reminder.employeeId(), reminder.slot(),
                    channel, reminder.attempts(), s.at()));
            if (ReminderKind.announced(reminder.kind())) {
                announcements.add(new BreakReminderSent(reminder.id(), reminder.employeeId(), reminder.slot(), reminder.kind(),
                        channel, s.at()));
            }
            if (ReminderKind.chained(reminder.kind()) && !reminder.redelivery()) {
                next.add(new ReminderChain.Next(reminder.employeeId(), reminder.slot(), s.at()));
            }
        }
        aggregates.handleAll(tenant, REMINDER, commands);
        outbox.enqueueAll(tenant, announcements);
        chain.queueNextAll(tenant, next);
    }

    /** Records, announces and chains a reminder this round has just marked sent. */
    private void recordSent(Claimed reminder, Instant sentAt, String channel) {
        aggregates.handle(reminder.tenant(), REMINDER, reminder.id(),
                new ReminderDecider.RecordSent(reminder.id(), reminder.employeeId(), reminder.slot(), channel,
                        reminder.attempts(), sentAt));
        if (ReminderKind.announced(reminder.kind())) {
            outbox.enqueue(reminder.tenant(), new BreakReminderSent(reminder.id(), reminder.employeeId(), reminder.slot(),
                    reminder.kind(), channel, sentAt));
        }
        if (ReminderKind.chained(reminder.kind()) && !reminder.redelivery()) {
            // a snoozed reminder's schedule moved on when it was first delivered
            chain.queueNext(reminder.tenant(), reminder.employeeId(), reminder.slot(), sentAt);
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
        if (verdict.retryable() && retryAt.isBefore(reminder.expiresAt())) {
            queue.retryAt(reminder.tenant(), reminder.id(), retryAt);
            return;
        }
        if (verdict.postponed()) {
            // busy past its time to live: it comes due at its expiry and is recorded expired, never dropped silently
            queue.retryAt(reminder.tenant(), reminder.id(), reminder.expiresAt());
            return;
        }
        if (queue.move(reminder.tenant(), reminder.id(), ReminderStatus.SENDING, ReminderStatus.FAILED)) {
            queue.recordFailureReason(reminder.tenant(), reminder.id(), verdict.reason());
            fail(reminder.tenant(), reminder.id(), reminder.employeeId(), reminder.slot(), reminder.attempts(),
                    verdict.reason(), now, !ReminderKind.chained(reminder.kind()) || reminder.redelivery());
            if (ReminderKind.announced(reminder.kind())) {
                outbox.enqueue(reminder.tenant(), new ReminderDeliveryFailed(reminder.id(), reminder.employeeId(),
                        verdict.channel(), verdict.reason(), now));
            }
        }
    }

    /**
     * Reminders left 'sending' by an engine that died mid-call. Whether the receiver got them is unknown, and
     * sending again could remind twice, so they are recorded as failed and the schedule moves on.
     *
     * @return how many were settled (a full page: ask again)
     */
    @Transactional
    public int failAbandoned(Instant claimedBefore, Instant now) {
        List<QueuedReminder> abandoned = queue.lockAbandoned(claimedBefore, ABANDONED_PAGE);
        for (QueuedReminder row : abandoned) {
            queue.move(row.tenant(), row.id(), ReminderStatus.SENDING, ReminderStatus.FAILED);
            // the receiver may well have it: no ReminderDeliveryFailed, whose reasons all mean "not delivered"
            fail(row.tenant(), row.id(), row.employeeId(), row.slot(), row.attempts(), ReminderDecider.OUTCOME_UNKNOWN, now,
                    !row.continuesChain());
        }
        return abandoned.size();
    }

    private void fail(String tenant, UUID id, UUID employeeId, Instant slot, int attempts, String reason, Instant now,
                      boolean outsideChain) {
        aggregates.handle(tenant, REMINDER, id,
                new ReminderDecider.RecordFailed(id, employeeId, slot, attempts, reason, now));
        if (!outsideChain) {
            chain.queueNext(tenant, employeeId, slot, now);
        }
    }

    static Duration backoff(Duration firstRetry, int attempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
    }
}
