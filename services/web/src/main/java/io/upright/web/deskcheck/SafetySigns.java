package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Result;

import java.util.List;
import java.util.Map;

/**
 * Which safety answers mean what, so the wizard can advise plainly right after the safety section, before the
 * check is submitted (the service works the urgency out only for a submitted result). The lists are the service's
 * published table (services/assessments/README.md, "Full safety screen"; its {@code scoring.SafetyScreen});
 * SafetySignsTest keeps them equal to that table.
 */
public final class SafetySigns {

    /** How soon the person should see a clinician; most urgent first. */
    public enum Level {
        EMERGENCY, SEE_CLINICIAN_FIRST, NONE;

        public boolean emergency() {
            return this == EMERGENCY;
        }

        public boolean seeClinician() {
            return this == SEE_CLINICIAN_FIRST;
        }

        public boolean any() {
            return this != NONE;
        }
    }

    /** Cauda equina signs: medical care the same day. */
    public static final List<String> EMERGENCY_SIGNS = List.of(
            "saddleNumbness",
            "newBladderBowelOrSexualProblems",
            "symptomsInBothLegs",
            "progressiveLegWeakness");

    /** Signs a doctor or physiotherapist should look at before any exercise. */
    public static final List<String> SEE_CLINICIAN_FIRST_SIGNS = List.of(
            "legNumbnessOrTingling",
            "painRadiatesDownLeg",
            "painAtNightOrAtRest",
            "recentFallOrBackInjury",
            "unexplainedLegWeakness",
            "feverWithBackPain",
            "unexplainedWeightLoss",
            "historyOfCancer",
            "weakenedImmuneSystem",
            "osteoporosisOrLongTermSteroids");

    private SafetySigns() {
    }

    /** From answers saved so far: the most urgent sign answered yes. */
    public static Level fromAnswers(Map<String, Object> answers) {
        if (answers == null) {
            return Level.NONE;
        }
        if (EMERGENCY_SIGNS.stream().anyMatch(id -> Boolean.TRUE.equals(answers.get(id)))) {
            return Level.EMERGENCY;
        }
        if (SEE_CLINICIAN_FIRST_SIGNS.stream().anyMatch(id -> Boolean.TRUE.equals(answers.get(id)))) {
            return Level.SEE_CLINICIAN_FIRST;
        }
        return Level.NONE;
    }

    /**
     * From a submitted result: the service's urgency when it says one; a result that asks for clinical review
     * without naming an urgency (an older reply) is "see a clinician first", never nothing.
     */
    public static Level fromResult(Result result) {
        if (result == null) {
            return Level.NONE;
        }
        if ("EMERGENCY".equals(result.urgency())) {
            return Level.EMERGENCY;
        }
        if ("SEE_CLINICIAN_FIRST".equals(result.urgency()) || result.clinicalReview()) {
            return Level.SEE_CLINICIAN_FIRST;
        }
        return Level.NONE;
    }

    /** The service's own advice text for a result, shown as it sends it; null when there is none. */
    public static String adviceText(Result result) {
        if (result == null) {
            return null;
        }
        if (result.urgencyAdvice() != null && !result.urgencyAdvice().isBlank()) {
            return result.urgencyAdvice();
        }
        return result.clinicianAdvice() == null || result.clinicianAdvice().isBlank() ? null : result.clinicianAdvice();
    }
}
