package io.upright.assessments.clearance;

import io.upright.assessments.scoring.Urgency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where an employee stands with clinical review, worked out from their latest submitted assessment and their
 * clearances: NONE (no warning sign in the latest assessment), PAUSED (it raised one and no clearance followed),
 * CLEARED (a clinician cleared them after it). A later assessment with a sign pauses again; one without ends the
 * cleared state. Shown to the employee only: the urgency never leaves this service.
 */
public record ClinicalStatus(State state, UUID assessmentId, Urgency urgency, LocalDate clearedOn,
                             LocalDate rescreenBy, boolean rescreenDue) {

    public enum State { NONE, PAUSED, CLEARED }

    /**
     * @param latest  the latest submitted assessment, or null
     * @param urgency that assessment's urgency (NONE when it raised no sign)
     * @param today   the date rescreening is judged on
     */
    public static ClinicalStatus of(ClearanceDecider.LatestAssessment latest, Urgency urgency,
                                    ClearanceDecider.Clearances clearances, LocalDate today) {
        if (latest == null || !latest.clinicalReview()) {
            return new ClinicalStatus(State.NONE, null, Urgency.NONE, null, null, false);
        }
        return clearances.declared().stream()
                .filter(d -> d.assessmentId().equals(latest.assessmentId()))
                .reduce((first, second) -> second)
                .map(d -> new ClinicalStatus(State.CLEARED, latest.assessmentId(), urgency, d.clearedOn(),
                        d.rescreenBy(), !today.isBefore(d.rescreenBy())))
                .orElse(new ClinicalStatus(State.PAUSED, latest.assessmentId(), urgency, null, null, false));
    }
}
