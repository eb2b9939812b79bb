package io.upright.exercises.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Read model of a logged session, for the employee's own history. */
@Entity
@Table(name = "exercise_session")
@IdClass(ExerciseSessionRecord.Key.class)
public class ExerciseSessionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    @Column(name = "employee_id")
    public UUID employeeId;

    @Column(name = "routine_id")
    public String routineId;

    @Column(name = "exercise_id")
    public String exerciseId;

    public int minutes;

    @Column(name = "felt_rating")
    public int feltRating;

    @Column(name = "completed_at")
    public Instant completedAt;

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
