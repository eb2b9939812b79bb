package io.upright.reminders.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Read model of an employee's break schedule, which the engine reads to place the next slot. */
@Entity
@Table(name = "schedule")
@IdClass(ScheduleRecord.Key.class)
public class ScheduleRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "employee_id")
    public UUID employeeId;

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

    public long version;

    public BreakSchedule breaks() {
        return BreakSchedule.of(timeZone, workdayStart, workdayEnd, Duration.ofSeconds(cadenceSeconds));
    }

    public static class Key implements Serializable {
        public String tenantId;
        public UUID employeeId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(employeeId, k.employeeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, employeeId);
        }
    }
}
