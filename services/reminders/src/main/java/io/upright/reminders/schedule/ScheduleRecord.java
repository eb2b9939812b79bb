package io.upright.reminders.schedule;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Read model of an employee's break schedule, which the engine reads to place the next slot. An employee has
 * one schedule, so the inherited {@code id} is the employee id (column {@code employee_id}).
 */
@Entity
@Table(name = "schedule")
@AttributeOverride(name = "id", column = @Column(name = "employee_id"))
public class ScheduleRecord extends TenantScopedEntity {

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "workday_start")
    public String workdayStart;

    @Column(name = "workday_end")
    public String workdayEnd;

    @Column(name = "cadence_seconds")
    public long cadenceSeconds;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The employee's team at enrolment (null if unknown). */
    @Column(name = "team_id")
    public UUID teamId;

    public long version;

    /** active, or left (the employee left the program: nothing is queued) */
    public String status;

    @Column(name = "standing_desk")
    public boolean standingDesk;

    /** JSON of the employee's working hours per weekday; null: the enrolment's working day, every day. */
    @Column(name = "working_hours")
    public String workingHours;

    @Column(name = "lunch_start")
    public String lunchStart;

    @Column(name = "lunch_end")
    public String lunchEnd;

    /** JSON list of quiet windows. */
    @Column(name = "quiet_windows")
    public String quietWindows;

    @Column(name = "preferred_minutes")
    public Integer preferredMinutes;

    /** Comma-separated routine times ({@code MORNING,END_OF_DAY}); null: the default; empty: no routine reminders. */
    @Column(name = "routine_times")
    public String routineTimes;

    @Column(name = "floor_exercises_at_work")
    public boolean floorExercisesAtWork;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    /** The employee this schedule belongs to: the same value as {@code id}. */
    public UUID employeeId() {
        return id;
    }

    public BreakSchedule breaks() {
        return BreakSchedule.of(timeZone, workdayStart, workdayEnd, Duration.ofSeconds(cadenceSeconds));
    }
}
