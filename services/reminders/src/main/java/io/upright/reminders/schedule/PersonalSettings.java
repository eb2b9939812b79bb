package io.upright.reminders.schedule;

import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.queue.ReminderQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * An employee's own settings and pause. Every change re-plans what is queued: the waiting slot is taken back and
 * the next one computed from now under the new settings (so a new time zone, hours or cadence apply at once).
 */
@ApplicationScoped
public class PersonalSettings {

    @Inject
    Clock clock;


    @Inject
    AggregateStore aggregates;

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    EmployeePrograms programs;

    @Inject
    SettingsStore store;

    @Inject
    RoutineReminders routineReminders;

    @Inject
    io.upright.reminders.RemindersConfig config;

    /** What the employee sees: their settings, the bounds their preference must respect, the cadence now, a pause. */
    public record View(ReminderSettings settings, int minBreakEveryMinutes, int maxBreakEveryMinutes, long breakEveryMinutes,
                       Instant pausedUntil, long version) {
    }

    private record Bounds(int min, int max, String source) {
    }

    public View get(String tenant, UUID employeeId) {
        ScheduleRecord schedule = active(tenant, employeeId);
        return view(tenant, schedule);
    }

    @Transactional
    public View put(String tenant, UUID employeeId, ReminderSettings settings, OptionalLong ifMatch) {
        ScheduleRecord schedule = active(tenant, employeeId);
        Bounds bounds = bounds(tenant, employeeId);
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, ScheduleDecider.SCHEDULE, employeeId,
                new ScheduleDecider.ChangeSettings(employeeId, settings, bounds.min(), bounds.max(), bounds.source(), Instant.now(clock)), ifMatch);
        schedule.timeZone = settings.timeZone();
        schedule.workingHours = store.write(settings.workingHours());
        schedule.lunchStart = settings.lunch() == null ? null : settings.lunch().start();
        schedule.lunchEnd = settings.lunch() == null ? null : settings.lunch().end();
        schedule.quietWindows = settings.quietWindows() == null || settings.quietWindows().isEmpty() ? null : store.write(settings.quietWindows());
        schedule.preferredMinutes = settings.preferredBreakEveryMinutes();
        schedule.routineTimes = SettingsStore.routineTimesColumn(settings.routineTimes());
        schedule.floorExercisesAtWork = settings.floorExercisesAtWorkInForce();
        schedule.version = decision.version();
        replan(tenant, employeeId);
        // new times, hours or zone: the routine reminders queued under the old ones are taken back and planned anew
        queue.cancelRoutines(tenant, employeeId, null);
        routineReminders.plan(tenant, employeeId, Instant.now(clock));
        return view(tenant, schedule);
    }

    /** Pause for {@code minutes}, or (minutes null) until the employee's next local day begins. */
    @Transactional
    public View pause(String tenant, UUID employeeId, Integer minutes) {
        ScheduleRecord schedule = active(tenant, employeeId);
        Instant now = Instant.now(clock);
        Instant until = minutes != null ? now.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS)
                : tomorrow(ZoneId.of(schedule.timeZone), now);
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, ScheduleDecider.SCHEDULE, employeeId,
                new ScheduleDecider.Pause(employeeId, until, now));
        schedule.pausedUntil = until;
        schedule.version = decision.version();
        replan(tenant, employeeId);
        queue.cancelTeamBreaks(tenant, employeeId, until);
        queue.cancelRoutines(tenant, employeeId, until);
        return view(tenant, schedule);
    }

    @Transactional
    public void resume(String tenant, UUID employeeId) {
        ScheduleRecord schedule = active(tenant, employeeId);
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, ScheduleDecider.SCHEDULE, employeeId,
                new ScheduleDecider.Resume(employeeId, Instant.now(clock)));
        schedule.pausedUntil = null;
        schedule.version = decision.version();
        replan(tenant, employeeId);
        routineReminders.plan(tenant, employeeId, Instant.now(clock));
    }

    /** The start of the employee's next local day (a pause "until tomorrow"). */
    static Instant tomorrow(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return today.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void replan(String tenant, UUID employeeId) {
        ScheduleRecord.getEntityManager().flush(); // the queue reads the schedule over JDBC
        queue.cancelPending(tenant, List.of(employeeId), false);
        chain.restart(tenant, employeeId, Instant.now(clock));
    }

    private Bounds bounds(String tenant, UUID employeeId) {
        return programs.ofEmployee(tenant, employeeId)
                .map(p -> new Bounds(p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(), "the program's bounds"))
                .orElse(new Bounds(Cadence.NO_PROGRAM_MIN_MINUTES, Cadence.NO_PROGRAM_MAX_MINUTES, "no program: the service's bounds"));
    }

    private View view(String tenant, ScheduleRecord schedule) {
        Bounds bounds = bounds(tenant, schedule.id);
        Optional<EmployeePrograms.ProgramState> program = programs.ofEmployee(tenant, schedule.id);
        boolean highRisk = EmployeeRisks.isHighRisk(tenant, schedule.id);
        Duration cadence = config.cadenceOverride().orElse(Cadence.effective(program.map(p -> new Cadence.Program(
                p.breakEveryMinutes(), p.minBreakEveryMinutes(), p.maxBreakEveryMinutes())).orElse(null),
                schedule.preferredMinutes, highRisk, Duration.ofSeconds(schedule.cadenceSeconds)));
        Instant paused = schedule.pausedUntil != null && schedule.pausedUntil.isAfter(Instant.now(clock)) ? schedule.pausedUntil : null;
        return new View(store.of(schedule), bounds.min(), bounds.max(), cadence.toMinutes(), paused, schedule.version);
    }

    private static ScheduleRecord active(String tenant, UUID employeeId) {
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", tenant, employeeId).firstResult();
        if (schedule == null || !"active".equals(schedule.status)) {
            throw ProblemException.notFound("A reminder schedule for you");
        }
        return schedule;
    }
}
