package io.upright.reminders.reminder;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.queue.ReminderStatus;
import io.upright.reminders.reminder.ReminderEvent.BreakSkipped;
import io.upright.reminders.reminder.ReminderEvent.BreakSnoozed;
import io.upright.reminders.reminder.ReminderEvent.BreakTaken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Application service for an employee's own reminders and their answers (done, skip, snooze), from any channel. */
@ApplicationScoped
public class Answers {

    @Inject
    Clock clock;

    public static final String SKIP = ReminderDecider.SKIP;
    public static final String SNOOZE = ReminderDecider.SNOOZE;


    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    RemindersConfig config;

    @Inject
    ReminderQueue queue;

    @Inject
    jakarta.enterprise.event.Event<ReminderAnswered> answered;

    /**
     * Records Done: what the employee did and for how long. With activity {@code routine}, {@code BreakTaken} names
     * the routine the delivered message suggested. Anyone else's reminder is 404.
     */
    @Transactional
    public DueReminderRecord answer(String tenant, UUID employeeId, UUID reminderId, String answer, String activity,
                                    Integer activeMinutes) {
        DueReminderRecord reminder = mineOrNotFound(tenant, employeeId, reminderId);
        Decision<ReminderDecider.Reminder, ReminderEvent> decision = aggregates.handle(tenant, ReminderDecider.REMINDER, reminderId,
                new ReminderDecider.Answer(reminderId, employeeId, answer, activity, activeMinutes, reminder.routineId, Instant.now(clock)));
        cancelRedelivery(reminder);
        BreakTaken taken = (BreakTaken) decision.newEvents().get(0);
        reminder.answer = ReminderDecider.DONE;
        reminder.activity = taken.activity();
        reminder.activeMinutes = taken.activeMinutes();
        reminder.answeredAt = taken.takenAt();
        outbox.enqueue(tenant, new io.upright.contracts.reminders.BreakTaken(reminderId, employeeId, taken.activity(),
                taken.activeMinutes(), taken.routineId(), taken.takenAt()));
        answered.fire(new ReminderAnswered(tenant, reminderId, employeeId, reminder.kind, reminder.slot, ReminderDecider.DONE, null));
        return reminder;
    }

    /**
     * One-click Done (a Slack button, a Teams link): records what the reminder suggested to the employee, which the
     * button or link no longer says (they sit in employer systems). A clinical-review hold since then wins.
     */
    @Transactional
    public DueReminderRecord doneAsSuggested(String tenant, UUID employeeId, UUID reminderId) {
        DueReminderRecord reminder = mineOrNotFound(tenant, employeeId, reminderId);
        BreakSuggestion suggestion = reminder.keptSuggestion().heldNow(queue.exercisesWithheld(tenant, employeeId));
        return answer(tenant, employeeId, reminderId, ReminderDecider.DONE, suggestion.doneActivity(), suggestion.doneMinutes());
    }

    /**
     * Where the employee stands right now: whether exercises are withheld (a hold wins over a routine suggested
     * earlier) and whether a re-screen after a clinician's clearance is due (judged on today's UTC date: a day either
     * way does not matter against weeks).
     */
    public EmployeeNow now(String tenant, UUID employeeId) {
        return new EmployeeNow(queue.exercisesWithheld(tenant, employeeId),
                queue.rescreenDue(tenant, employeeId, java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC))));
    }

    /**
     * The personal part of one of the employee's reminders: what it suggests to them and why, once it was sent (null
     * before, and for a nudge). For the employee's own eyes only: callers have checked it is theirs.
     */
    public static PersonalSuggestion personal(DueReminderRecord reminder, EmployeeNow now) {
        if (reminder.sentAt == null) {
            return null;
        }
        PersonalSuggestion suggestion = PersonalSuggestion.of(reminder.kind, reminder.keptSuggestion().heldNow(now.exercisesWithheld()));
        return suggestion == null || !now.rescreenDue() || now.exercisesWithheld() ? suggestion : suggestion.withRescreenPrompt();
    }

    /** The employee's own reminder, or 404 (anyone else's, another tenant's, or none). */
    public DueReminderRecord mine(String tenant, UUID employeeId, UUID reminderId) {
        return mineOrNotFound(tenant, employeeId, reminderId);
    }

    /** The employee skipped this break: recorded and published ({@code BreakSkipped}). */
    @Transactional
    public DueReminderRecord skip(String tenant, UUID employeeId, UUID reminderId) {
        DueReminderRecord reminder = mineOrNotFound(tenant, employeeId, reminderId);
        Decision<ReminderDecider.Reminder, ReminderEvent> decision = aggregates.handle(tenant, ReminderDecider.REMINDER, reminderId,
                new ReminderDecider.Skip(reminderId, employeeId, Instant.now(clock)));
        cancelRedelivery(reminder);
        BreakSkipped skipped = (BreakSkipped) decision.newEvents().get(0);
        reminder.answer = SKIP;
        reminder.answeredAt = skipped.skippedAt();
        outbox.enqueue(tenant, new io.upright.contracts.reminders.BreakSkipped(reminderId, employeeId, skipped.skippedAt()));
        answered.fire(new ReminderAnswered(tenant, reminderId, employeeId, reminder.kind, reminder.slot, SKIP, null));
        return reminder;
    }

    /**
     * Snooze: the same reminder row goes back into the queue, due at {@code now + snooze}, with the time to live it
     * had from its slot now counted from the new due time. The engine delivers it once more (same id, so receivers
     * see the same {@code webhook-id}); the decider refuses a second snooze, so it never comes back twice.
     *
     * @param snooze null: the configured snooze (10 minutes, what the Slack and Teams buttons say)
     */
    @Transactional
    public DueReminderRecord snooze(String tenant, UUID employeeId, UUID reminderId, Duration snooze) {
        DueReminderRecord reminder = mineOrNotFound(tenant, employeeId, reminderId);
        Instant now = Instant.now(clock);
        // whole seconds, like every other instant of the queue
        Instant until = now.plus(snooze == null ? config.snoozeDuration() : snooze).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Decision<ReminderDecider.Reminder, ReminderEvent> decision = aggregates.handle(tenant, ReminderDecider.REMINDER, reminderId,
                new ReminderDecider.Snooze(reminderId, employeeId, until, now));
        BreakSnoozed snoozed = (BreakSnoozed) decision.newEvents().get(0);
        Duration ttl = Duration.between(reminder.slot, reminder.expiresAt);
        if (!queue.requeueSnoozed(tenant, reminderId, until, until.plus(ttl))) {
            throw Rejection.conflict("This reminder cannot be snoozed in its current state");
        }
        reminder.status = ReminderStatus.PENDING.stored();
        reminder.dueAt = until;
        reminder.expiresAt = until.plus(ttl);
        reminder.snoozedUntil = until;
        reminder.answer = SNOOZE;
        reminder.answeredAt = now;
        outbox.enqueue(tenant, new io.upright.contracts.reminders.BreakSnoozed(reminderId, employeeId, snoozed.snoozedUntil(),
                snoozed.snoozedAt()));
        answered.fire(new ReminderAnswered(tenant, reminderId, employeeId, reminder.kind, reminder.slot, SNOOZE, until));
        return reminder;
    }

    /**
     * Done or Skip on a snoozed reminder that has not come back yet: it no longer needs to. Guarded on 'pending',
     * so either this answer or the engine's claim wins; while the redelivery is in flight the answer waits (409).
     */
    private void cancelRedelivery(DueReminderRecord reminder) {
        if (reminder.snoozedUntil == null || ReminderStatus.SENT.stored().equals(reminder.status)) {
            return;
        }
        if (!queue.move(reminder.tenantId, reminder.id, ReminderStatus.PENDING, ReminderStatus.SENT)) {
            throw Rejection.conflict("The snoozed reminder is being delivered again right now; answer that one");
        }
        reminder.status = ReminderStatus.SENT.stored();
    }

    private static DueReminderRecord mineOrNotFound(String tenant, UUID employeeId, UUID reminderId) {
        DueReminderRecord reminder = DueReminderRecord.ofEmployee(tenant, employeeId, reminderId);
        if (reminder == null) {
            throw ProblemException.notFound("Reminder " + reminderId);
        }
        return reminder;
    }

    /**
     * A reminder found by its id alone, for answers arriving from Slack or a signed link (which carry no tenant):
     * the id is a random UUID that only the message carried, and the request was verified.
     */
    public Optional<DueReminderRecord> byId(UUID reminderId) {
        List<DueReminderRecord> found = DueReminderRecord.list("id", reminderId);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public List<DueReminderRecord> mine(String tenant, UUID employeeId, int page, int size) {
        return DueReminderRecord.find("tenantId = ?1 and employeeId = ?2", Sort.descending("slot", "id"), tenant, employeeId)
                .page(Page.of(page, size)).list();
    }

    public long countMine(String tenant, UUID employeeId) {
        return DueReminderRecord.count("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }
}
