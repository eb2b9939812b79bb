package io.upright.exercises.session;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of a logged session, for the employee's own history. */
@Entity
@Table(name = "exercise_session")
public class ExerciseSessionRecord extends TenantScopedEntity {

    @Column(name = "employee_id")
    public UUID employeeId;

    @Column(name = "routine_id")
    public String routineId;

    @Column(name = "exercise_id")
    public String exerciseId;

    public int minutes;

    @Column(name = "felt_rating")
    public Integer feltRating;

    /** 0–10, null when not given; stays in this service (never on a topic). */
    public Integer discomfort;

    @Column(name = "completed_at")
    public Instant completedAt;
}
