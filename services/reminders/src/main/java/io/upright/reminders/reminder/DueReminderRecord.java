package io.upright.reminders.reminder;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder slot as the API reads it. The engine changes status columns with plain SQL; this entity only
 * writes the answer columns (dynamic update, so it never writes back a stale status).
 */
@Entity
@Table(name = "due_reminder")
@DynamicUpdate
public class DueReminderRecord extends TenantScopedEntity {

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

    /** break | routine | sit-stand | team-break | assessment-nudge | sitting-check-in */
    public String kind;

    /** The routine the delivered message suggested, if any. */
    @Column(name = "routine_id")
    public String routineId;

    /** With {@code routineId}: the suggested routine's title and minutes, kept at claim for the employee alone. */
    @Column(name = "routine_title")
    public String routineTitle;

    @Column(name = "routine_minutes")
    public Integer routineMinutes;

    /** Whether the reminder suggested only a walk because exercises were withheld; null before it was first claimed. */
    @Column(name = "exercises_withheld")
    public Boolean exercisesWithheld;

    /** The personal suggestion's type kept at claim; null on rows claimed before dose by design. */
    @Column(name = "suggestion_type")
    public String suggestionType;

    /** The micro-break it suggested to do now, if any. */
    @Column(name = "exercise_id")
    public String exerciseId;

    @Column(name = "exercise_title")
    public String exerciseTitle;

    @Column(name = "exercise_minutes")
    public Integer exerciseMinutes;

    /** Whether the routine it named is a soft-tissue release (the weekly cap counts these). */
    @Column(name = "soft_tissue_release")
    public boolean softTissueRelease;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public int attempts;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    /** What this reminder suggested to its employee when it was sent (the general walk before it ever was). */
    public BreakSuggestion keptSuggestion() {
        return BreakSuggestion.kept(kind, suggestionType, routineId, routineTitle, routineMinutes, exercisesWithheld, exerciseId,
                exerciseTitle, exerciseMinutes, softTissueRelease);
    }

    /** A reminder of this tenant addressed to this employee; anyone else's reads as absent. */
    public static DueReminderRecord ofEmployee(String tenant, UUID employeeId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and employeeId = ?3", tenant, id, employeeId).firstResult();
    }
}
