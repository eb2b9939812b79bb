package io.upright.reminders.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reminder slot as the API reads it. The engine changes status columns with plain SQL; this entity only
 * writes the answer columns (dynamic update, so it never writes back a stale status).
 */
@Entity
@Table(name = "due_reminder")
@IdClass(DueReminderRecord.Key.class)
@DynamicUpdate
public class DueReminderRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    @Column(name = "employee_id")
    public UUID employeeId;

    public Instant slot;

    public String status;

    @Column(name = "sent_at")
    public Instant sentAt;

    public String answer;

    public String activity;

    @Column(name = "active_minutes")
    public Integer activeMinutes;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** A reminder of this tenant addressed to this employee; anyone else's reads as absent. */
    public static DueReminderRecord ofEmployee(String tenant, UUID employeeId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and employeeId = ?3", tenant, id, employeeId).firstResult();
    }

    public static class Key implements Serializable {
        public String tenantId;
        public UUID id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
