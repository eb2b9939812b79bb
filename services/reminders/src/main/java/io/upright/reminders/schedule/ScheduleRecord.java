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

    /** The employee this schedule belongs to: the same value as {@code id}. */
    public UUID employeeId() {
        return id;
    }

    public BreakSchedule breaks() {
        return BreakSchedule.of(timeZone, workdayStart, workdayEnd, Duration.ofSeconds(cadenceSeconds));
    }
}
