package io.upright.reminders.reminder;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.reminders.queue.ReminderStatus;
import io.upright.reminders.reminder.ReminderEvent.BreakSkipped;
import io.upright.reminders.reminder.ReminderEvent.BreakSnoozed;
import io.upright.reminders.reminder.ReminderEvent.BreakTaken;
import io.upright.reminders.reminder.ReminderEvent.ReminderExpired;
import io.upright.reminders.reminder.ReminderEvent.ReminderFailed;
import io.upright.reminders.reminder.ReminderEvent.ReminderSent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A reminder ends exactly once (sent, expired or failed); a sent one can be answered once, with "done" or
 * "skip". Before that it may be snoozed once: it is then delivered one more time (or expires, or fails) at the
 * snooze's end, and can still be answered; a second snooze is refused, so a reminder never comes back twice.
 * Its state uses the queue's {@link ReminderStatus} (never {@code SENDING}: a claim is not an event of the stream).
 */
public class ReminderDecider implements Decider<ReminderDecider.Command, ReminderDecider.Reminder, ReminderEvent> {

    public static final String DONE = "done";
    public static final String SKIP = "skip";
    public static final String SNOOZE = "snooze";
    public static final Set<String> ANSWERS = Set.of(DONE, SKIP, SNOOZE);
    public static final Set<String> ACTIVITIES = Set.of("stand", "walk", "stretch", "routine");
    public static final int MIN_ACTIVE_MINUTES = 1;
    public static final int MAX_ACTIVE_MINUTES = 120;
    /** Why a claim abandoned mid-delivery failed: the message may well have arrived, so its owner can still answer it. */
    public static final String OUTCOME_UNKNOWN = "delivery outcome unknown";

    public sealed interface Command {
    }

    public record RecordSent(UUID reminderId, UUID employeeId, Instant slot, String channel, int attempts, Instant at)
            implements Command {
    }

    public record RecordExpired(UUID reminderId, UUID employeeId, Instant slot, Instant at) implements Command {
    }

    public record RecordFailed(UUID reminderId, UUID employeeId, Instant slot, int attempts, String reason, Instant at)
            implements Command {
    }

    /** Done: {@code routineId} is the routine the message suggested (kept only when the activity is "routine"). */
    public record Answer(UUID reminderId, UUID employeeId, String answer, String activity, Integer activeMinutes,
                         String routineId, Instant at) implements Command {
    }

    /** The employee chose not to take this break. */
    public record Skip(UUID reminderId, UUID employeeId, Instant at) implements Command {
    }

    /** Remind me again at {@code until}. */
    public record Snooze(UUID reminderId, UUID employeeId, Instant until, Instant at) implements Command {
    }

    /** The reminder's stream: one per queued reminder, keyed by its id. */
    public static final Aggregate<Command, Reminder, ReminderEvent> REMINDER =
            Aggregate.of("reminder", ReminderEvent.class, new ReminderDecider());

    /**
     * @param snoozed           it was snoozed once (never again)
     * @param redeliveryPending snoozed and not yet delivered again: the engine may record its outcome once more
     * @param outcomeUnknown    failed because the engine died mid-call: it may have arrived, and an answer proves it did
     */
    public record Reminder(ReminderStatus status, boolean answered, boolean snoozed, boolean redeliveryPending,
                           boolean outcomeUnknown) {
        public Reminder(ReminderStatus status, boolean answered) {
            this(status, answered, false, false, false);
        }

        public Reminder(ReminderStatus status, boolean answered, boolean snoozed, boolean redeliveryPending) {
            this(status, answered, snoozed, redeliveryPending, false);
        }
    }

    @Override
    public Reminder initialState() {
        return new Reminder(ReminderStatus.PENDING, false);
    }

    @Override
    public List<ReminderEvent> decide(Command command, Reminder reminder) {
        if (command instanceof Answer answer) {
            return answer(answer, reminder);
        }
        if (command instanceof Skip skip) {
            requireAnswerable(reminder);
            return List.of(new BreakSkipped(skip.reminderId(), skip.employeeId(), skip.at()));
        }
        if (command instanceof Snooze snooze) {
            requireAnswerable(reminder);
            if (reminder.status() != ReminderStatus.SENT) {
                throw Rejection.conflict("This reminder can be marked done or skipped, not snoozed: its delivery was never confirmed");
            }
            if (reminder.snoozed()) {
                throw Rejection.conflict("This reminder was snoozed once already");
            }
            if (!snooze.until().isAfter(snooze.at())) {
                throw Rejection.invalid("snoozeMinutes", "must put the reminder in the future");
            }
            return List.of(new BreakSnoozed(snooze.reminderId(), snooze.employeeId(), snooze.until(), snooze.at()));
        }
        if (reminder.status() != ReminderStatus.PENDING && !reminder.redeliveryPending()) {
            throw Rejection.conflict("The reminder already ended as " + reminder.status());
        }
        if (command instanceof RecordSent sent) {
            return List.of(new ReminderSent(sent.reminderId(), sent.employeeId(), sent.slot(), sent.channel(), sent.attempts(), sent.at()));
        }
        if (command instanceof RecordExpired expired) {
            return List.of(new ReminderExpired(expired.reminderId(), expired.employeeId(), expired.slot(), expired.at()));
        }
        if (command instanceof RecordFailed failed) {
            return List.of(new ReminderFailed(failed.reminderId(), failed.employeeId(), failed.slot(), failed.attempts(),
                    failed.reason(), failed.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static List<ReminderEvent> answer(Answer answer, Reminder reminder) {
        List<FieldError> errors = new ArrayList<>();
        if (!DONE.equals(answer.answer())) {
            errors.add(new FieldError("answer", "must be \"done\" here (skip and snooze are their own commands)"));
        }
        if (answer.activity() == null || !ACTIVITIES.contains(answer.activity())) {
            errors.add(new FieldError("activity", "must be one of stand, walk, stretch, routine"));
        }
        if (answer.activeMinutes() == null || answer.activeMinutes() < MIN_ACTIVE_MINUTES || answer.activeMinutes() > MAX_ACTIVE_MINUTES) {
            errors.add(new FieldError("activeMinutes", "must be between " + MIN_ACTIVE_MINUTES + " and " + MAX_ACTIVE_MINUTES));
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        requireAnswerable(reminder);
        String routineId = "routine".equals(answer.activity()) ? answer.routineId() : null;
        return List.of(new BreakTaken(answer.reminderId(), answer.employeeId(), answer.activity(), answer.activeMinutes(),
                answer.at(), routineId));
    }

    private static void requireAnswerable(Reminder reminder) {
        if (reminder.status() != ReminderStatus.SENT && !reminder.outcomeUnknown()) {
            throw Rejection.conflict(reminder.status() == ReminderStatus.PENDING
                    ? "This reminder has not been delivered yet"
                    : "This reminder was never delivered, so it cannot be answered");
        }
        if (reminder.answered()) {
            throw Rejection.conflict("This reminder has already been answered");
        }
    }

    @Override
    public Reminder evolve(Reminder reminder, ReminderEvent event) {
        if (event instanceof ReminderSent) {
            return new Reminder(ReminderStatus.SENT, false, reminder.snoozed(), false);
        }
        if (event instanceof ReminderExpired) {
            return new Reminder(ReminderStatus.EXPIRED, reminder.answered(), reminder.snoozed(), false);
        }
        if (event instanceof ReminderFailed failed) {
            return new Reminder(ReminderStatus.FAILED, reminder.answered(), reminder.snoozed(), false,
                    OUTCOME_UNKNOWN.equals(failed.reason()));
        }
        if (event instanceof BreakSnoozed) {
            return new Reminder(ReminderStatus.SENT, false, true, true);
        }
        if (event instanceof BreakTaken || event instanceof BreakSkipped) {
            return new Reminder(reminder.status(), true, reminder.snoozed(), false);
        }
        return reminder;
    }
}
