package io.upright.assessments.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a complete workstation-basics answer set (see the README for the formula).
 *
 * <p>Score = sum of the points of every finding (0..{@link Finding#maxScore()}). Risk is HIGH at
 * {@value #HIGH_FROM} points or more, or whenever prolonged sitting comes with discomfort (hip-flexor
 * pattern or lower-back discomfort), because that combination is what the program exists to reduce;
 * MODERATE from {@value #MODERATE_FROM} points; LOW below. A red flag ({@link SafetyScreen}) adds no points: it
 * asks for a clinician ({@code clinicalReview}) instead of changing the workstation risk.
 */
public final class WorkstationBasicsScoring {

    public static final String METHOD = "WORKSTATION_BASICS";
    public static final int MODERATE_FROM = 5;
    public static final int HIGH_FROM = 10;
    public static final int LONG_DAY_HOURS = 6;
    public static final int LONG_BOUT_MINUTES = 60;
    public static final int WALKING_DISCOMFORT_FROM = 3;
    public static final int SITTING_DISCOMFORT_FROM = 4;

    private static final Set<String> NON_ERGONOMIC_CHAIRS = Set.of("kitchen-or-dining", "stool", "other");
    private static final Set<String> INFREQUENT = Set.of("every-2-hours", "rarely");

    private WorkstationBasicsScoring() {
    }

    /** @param answers every question answered, values as the template normalises them */
    public static ScoreResult score(Map<String, Object> answers) {
        Set<Finding> found = EnumSet.noneOf(Finding.class);
        // v1 asks one red-flag question, v2 five, v3 the full screen; any urgency sign asks for a clinician
        if (SafetyScreen.screen(answers).clinicalReview()) {
            found.add(Finding.RED_FLAG_SEEK_CLINICIAN);
        }
        if (isFalse(answers, "screenAtEyeLevel")) {
            found.add(Finding.MONITOR_TOO_LOW);
        }
        if (isFalse(answers, "feetFlatOnFloor")) {
            found.add(Finding.FEET_UNSUPPORTED);
        }
        if (isFalse(answers, "kneesNear90Degrees")) {
            found.add(Finding.KNEES_NOT_AT_90);
        }
        if (isFalse(answers, "backSupported")) {
            found.add(Finding.NO_BACK_SUPPORT);
        }
        if (NON_ERGONOMIC_CHAIRS.contains(text(answers, "chairType"))) {
            found.add(Finding.NON_ERGONOMIC_CHAIR);
        }
        boolean prolonged = number(answers, "hoursSittingPerDay") >= LONG_DAY_HOURS
                || number(answers, "longestSittingBoutMinutes") >= LONG_BOUT_MINUTES;
        if (prolonged) {
            found.add(Finding.PROLONGED_SITTING);
        }
        if (INFREQUENT.contains(text(answers, "standUpFrequency"))) {
            found.add(Finding.INFREQUENT_BREAKS);
        }
        if (prolonged && number(answers, "discomfortWhenWalkingOrStanding") >= WALKING_DISCOMFORT_FROM) {
            found.add(Finding.HIP_FLEXOR_TIGHTNESS_RISK);
        }
        if (number(answers, "discomfortWhenSitting") >= SITTING_DISCOMFORT_FROM) {
            found.add(Finding.LOW_BACK_DISCOMFORT);
        }
        if (isFalse(answers, "standingDeskAvailable")) {
            found.add(Finding.NO_STANDING_DESK);
        }

        int score = found.stream().mapToInt(Finding::points).sum();
        boolean sittingWithDiscomfort = found.contains(Finding.PROLONGED_SITTING)
                && (found.contains(Finding.HIP_FLEXOR_TIGHTNESS_RISK) || found.contains(Finding.LOW_BACK_DISCOMFORT));
        RiskLevel risk = score >= HIGH_FROM || sittingWithDiscomfort ? RiskLevel.HIGH
                : score >= MODERATE_FROM ? RiskLevel.MODERATE
                : RiskLevel.LOW;
        return new ScoreResult(score, risk, List.copyOf(new ArrayList<>(found)),
                found.contains(Finding.RED_FLAG_SEEK_CLINICIAN));
    }

    private static boolean isFalse(Map<String, Object> answers, String id) {
        return Boolean.FALSE.equals(answers.get(id));
    }

    private static String text(Map<String, Object> answers, String id) {
        Object value = answers.get(id);
        return value instanceof String s ? s : "";
    }

    private static int number(Map<String, Object> answers, String id) {
        Object value = answers.get(id);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
