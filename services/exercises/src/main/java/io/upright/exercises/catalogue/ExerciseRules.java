package io.upright.exercises.catalogue;

import io.upright.contracts.assessments.Precautions;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules about an exercise's safety codes, dose and flags that both the catalogue loader and the authoring
 * workflow apply, so a shipped file and an editor's draft are held to the same promises.
 */
public final class ExerciseRules {

    /** A micro-break is a minute or two: long enough to change position, short enough for any break. */
    public static final int MICRO_BREAK_MIN_SECONDS = 60;
    public static final int MICRO_BREAK_MAX_SECONDS = 120;

    /** One broken rule: the JSON field it concerns and what is wrong. */
    public record Problem(String field, String message) {
    }

    private ExerciseRules() {
    }

    public static List<Problem> problems(Exercise e) {
        List<Problem> problems = new ArrayList<>();
        if (!Precautions.ALL.containsAll(e.contraindicationCodes())) {
            problems.add(new Problem("contraindicationCodes", "must list codes from " + Precautions.ALL.stream().sorted().toList()));
        }
        if (e.dose() != null && !e.dose().valid()) {
            problems.add(new Problem("dose", "needs sets, reps and secondsPerRep ≥ 1, sides 1 or 2, setup and rest ≥ 0"));
        }
        if (e.softTissueRelease() && !e.contraindicationCodes().contains(Precautions.ANTICOAGULANTS)) {
            // deep pressure on the abdomen or groin can bleed into the muscle of someone on blood thinners
            problems.add(new Problem("contraindicationCodes", "a soft-tissue release must name " + Precautions.ANTICOAGULANTS));
        }
        if (e.microBreak() && (!e.deskFriendly() || e.floorOrEquipment() || e.softTissueRelease()
                || e.durationSeconds() < MICRO_BREAK_MIN_SECONDS || e.durationSeconds() > MICRO_BREAK_MAX_SECONDS)) {
            problems.add(new Problem("microBreak", "a micro-break is desk-friendly, off the floor, no release technique, and lasts "
                    + MICRO_BREAK_MIN_SECONDS + "–" + MICRO_BREAK_MAX_SECONDS + " seconds"));
        }
        if (e.vigorous() && !"vigorous".equals(e.intensity())) {
            problems.add(new Problem("vigorous", "a vigorous exercise has intensity vigorous"));
        }
        if (e.vigorous() && e.microBreak()) {
            // a break reminder offers micro-breaks to anyone, with or without a readiness screen
            problems.add(new Problem("microBreak", "a vigorous exercise is never a micro-break"));
        }
        if (e.illustration() != null) {
            problems.addAll(e.illustration().problems());
        }
        return problems;
    }
}
