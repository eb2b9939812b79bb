package io.upright.reminders.dose;

import io.upright.contracts.exercises.MicroBreak;

import java.util.List;

/**
 * The employee's latest recommendation as reminders keeps it (pure data): the full routine (null without one), whether
 * exercises are withheld for clinical review ({@code withheld} null: nothing known yet), the micro-breaks to rotate
 * through at breaks, and what kind of routine it is (needs floor or equipment; a soft-tissue release).
 */
public record Recommendation(String routineId, String routineTitle, Integer durationMinutes, Boolean withheld,
                             List<MicroBreak> microBreaks, boolean floorOrEquipment, boolean softTissueRelease) {

    public Recommendation {
        microBreaks = microBreaks == null ? List.of() : List.copyOf(microBreaks);
    }

    private static final Recommendation NONE = new Recommendation(null, null, null, null, List.of(), false, false);

    public static Recommendation none() {
        return NONE;
    }

    public boolean withheldForClinicalReview() {
        return Boolean.TRUE.equals(withheld);
    }

    /** A routine to suggest: named, and not held back. */
    public boolean hasRoutine() {
        return !withheldForClinicalReview() && routineId != null && routineTitle != null && !routineTitle.isBlank();
    }
}
