package io.upright.reminders.reminder;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.reminder.ReminderEvent.BreakTaken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for an employee's own reminders and their answers. */
@ApplicationScoped
public class Answers {

    public static final String SKIP = "skip";

    private final ReminderDecider decider = new ReminderDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    /** Records the employee's answer to their reminder; anyone else's reminder is 404. */
    @Transactional
    public DueReminderRecord answer(String tenant, UUID employeeId, UUID reminderId, String answer, String activity,
                                    Integer activeMinutes) {
        DueReminderRecord reminder = DueReminderRecord.ofEmployee(tenant, employeeId, reminderId);
        if (reminder == null) {
            throw ProblemException.notFound("Reminder " + reminderId);
        }
        Decision<ReminderDecider.Reminder, ReminderEvent> decision = aggregates.handle(tenant, ReminderDeliveries.STREAM_TYPE,
                reminderId, ReminderEvent.class, decider,
                new ReminderDecider.Answer(reminderId, employeeId, answer, activity, activeMinutes, Instant.now()),
                OptionalLong.empty());
        BreakTaken taken = (BreakTaken) decision.newEvents().get(0);
        reminder.answer = ReminderDecider.DONE;
        reminder.activity = taken.activity();
        reminder.activeMinutes = taken.activeMinutes();
        reminder.answeredAt = taken.takenAt();
        outbox.enqueue(tenant, new io.upright.contracts.reminders.BreakTaken(reminderId, employeeId, taken.activity(),
                taken.activeMinutes(), taken.takenAt()));
        return reminder;
    }

    /** The employee skipped this break (the Slack Skip button); recorded on the reminder only, no integration event yet. */
    @Transactional
    public DueReminderRecord skip(String tenant, UUID employeeId, UUID reminderId) {
        DueReminderRecord reminder = DueReminderRecord.ofEmployee(tenant, employeeId, reminderId);
        if (reminder == null) {
            throw ProblemException.notFound("Reminder " + reminderId);
        }
        Decision<ReminderDecider.Reminder, ReminderEvent> decision = aggregates.handle(tenant, ReminderDeliveries.STREAM_TYPE,
                reminderId, ReminderEvent.class, decider, new ReminderDecider.Skip(reminderId, employeeId, Instant.now()),
                OptionalLong.empty());
        ReminderEvent.BreakSkipped skipped = (ReminderEvent.BreakSkipped) decision.newEvents().get(0);
        reminder.answer = SKIP;
        reminder.answeredAt = skipped.skippedAt();
        return reminder;
    }

    /**
     * A reminder found by its id alone, for answers arriving from Slack (which knows no tenant): the id is a
     * random UUID that only the Slack message carried, and the request was verified as Slack's.
     */
    public java.util.Optional<DueReminderRecord> byId(UUID reminderId) {
        List<DueReminderRecord> found = DueReminderRecord.list("id", reminderId);
        return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
    }

    public List<DueReminderRecord> mine(String tenant, UUID employeeId, int page, int size) {
        return DueReminderRecord.find("tenantId = ?1 and employeeId = ?2", Sort.descending("slot", "id"), tenant, employeeId)
                .page(Page.of(page, size)).list();
    }

    public long countMine(String tenant, UUID employeeId) {
        return DueReminderRecord.count("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }
}
