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

    /** Whole minutes, rounded half up from {@link #seconds} (0 for a session under 30 seconds). */
    public int minutes;

    /** How long it took, exactly. */
    public int seconds;

    @Column(name = "felt_rating")
    public Integer feltRating;

    /** 0–10, null when not given; stays in this service (never on a topic). */
    public Integer discomfort;

    @Column(name = "completed_at")
    public Instant completedAt;
}
