package io.upright.assessments;

import java.util.HashMap;
import java.util.Map;

/** Answer sets shared by the tests. */
public final class AnswerSets {

    private AnswerSets() {
    }

    /** The safety questions added in version 2 of both templates (all answered "no" by the sets below). */
    public static final String[] V2_RED_FLAGS = {"painRadiatesDownLeg", "painAtNightOrAtRest", "recentFallOrBackInjury",
            "unexplainedLegWeakness"};

    /**
     * The questions version 3 of both templates adds: the fuller safety screen and the precautions (all answered
     * "no" by the latest sets below).
     */
    public static final String[] V3_SCREEN = {"saddleNumbness", "newBladderBowelOrSexualProblems", "symptomsInBothLegs",
            "progressiveLegWeakness", "feverWithBackPain", "unexplainedWeightLoss", "historyOfCancer",
            "weakenedImmuneSystem", "osteoporosisOrLongTermSteroids", "takesBloodThinners",
            "legPainWhenWalkingEasedBySitting", "surgeryInLastSixMonths", "pregnant"};

    /**
     * A complete, valid answer set of the latest workstation-basics (v3) describing a well set-up, active employee
     * (no findings, no red flags, no precautions).
     */
    public static Map<String, Object> healthy() {
        return withV3Screen(healthyV2());
    }

    /** {@link #healthy()} as workstation-basics v2 asks it (five red flags, no v3 screen). */
    public static Map<String, Object> healthyV2() {
        Map<String, Object> answers = healthyV1();
        for (String flag : V2_RED_FLAGS) {
            answers.put(flag, false);
        }
        return answers;
    }

    /** {@link #healthy()} as workstation-basics v1 asks it (one red-flag question only). */
    public static Map<String, Object> healthyV1() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("feetFlatOnFloor", true);
        answers.put("kneesNear90Degrees", true);
        answers.put("backSupported", true);
        answers.put("screenAtEyeLevel", true);
        answers.put("chairType", "office-adjustable");
        answers.put("standingDeskAvailable", true);
        answers.put("hoursSittingPerDay", 4);
        answers.put("longestSittingBoutMinutes", 30);
        answers.put("standUpFrequency", "every-30-min");
        answers.put("discomfortWhenSitting", 0);
        answers.put("discomfortWhenWalkingOrStanding", 0);
        answers.put("legNumbnessOrTingling", false);
        return answers;
    }

    /**
     * A complete, valid answer set of the latest rosa (v3): every item neutral, no "+1", 1-4 h of use everywhere,
     * no red flag, no precaution (final ROSA score 2, see RosaScoringTest).
     */
    public static Map<String, Object> rosaNeutral() {
        return withV3Screen(rosaNeutralV2());
    }

    /** {@link #rosaNeutral()} as rosa v2 asks it (five red flags, no v3 screen). */
    public static Map<String, Object> rosaNeutralV2() {
        Map<String, Object> answers = rosaNeutralV1();
        answers.put("legNumbnessOrTingling", false);
        for (String flag : V2_RED_FLAGS) {
            answers.put(flag, false);
        }
        return answers;
    }

    /** {@link #rosaNeutral()} as rosa v1 asks it (no safety section). */
    public static Map<String, Object> rosaNeutralV1() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("seatHeight", "knees-at-90");
        answers.put("seatPanDepth", "about-8cm-space");
        answers.put("armrests", "elbows-supported-shoulders-relaxed");
        answers.put("backSupport", "lumbar-supported-95-110");
        answers.put("monitorPosition", "eye-level-arms-length");
        answers.put("telephonePosition", "within-reach-neutral-neck");
        answers.put("mousePosition", "in-line-with-shoulder");
        answers.put("keyboardPosition", "wrists-straight-shoulders-relaxed");
        for (String flag : new String[] {"seatInsufficientLegSpace", "seatHeightNotAdjustable", "seatPanDepthNotAdjustable",
                "armrestsHardOrDamaged", "armrestsTooWide", "armrestsNotAdjustable", "workSurfaceTooHigh",
                "backSupportNotAdjustable", "monitorTooFar", "monitorNeckTwisted", "monitorGlare",
                "documentsWithoutHolder", "telephoneNeckAndShoulder", "telephoneNoHandsFree",
                "mouseKeyboardDifferentSurfaces", "mousePinchGrip", "mouseHardPalmRest", "keyboardWristsDeviated",
                "keyboardTooHigh", "keyboardReachingOverhead", "keyboardPlatformNotAdjustable"}) {
            answers.put(flag, false);
        }
        for (String duration : new String[] {"chairDuration", "monitorDuration", "telephoneDuration", "mouseDuration",
                "keyboardDuration"}) {
            answers.put(duration, "1-4h");
        }
        return answers;
    }

    /**
     * The hand-worked "act now" case of RosaScoringTest (final ROSA score 5): a low, fixed seat that is too deep,
     * high hard armrests, no lumbar support, a low screen with glare, the phone held on the shoulder, and a mouse
     * reached for on another surface; chair, screen, mouse and keyboard used over 4 h a day.
     */
    public static Map<String, Object> rosaActNow() {
        return actNow(rosaNeutral());
    }

    /** {@link #rosaActNow()} as rosa v2 asks it. */
    public static Map<String, Object> rosaActNowV2() {
        return actNow(rosaNeutralV2());
    }

    private static Map<String, Object> withV3Screen(Map<String, Object> answers) {
        for (String question : V3_SCREEN) {
            answers.put(question, false);
        }
        return answers;
    }

    private static Map<String, Object> actNow(Map<String, Object> answers) {
        answers.put("seatHeight", "too-low");
        answers.put("seatHeightNotAdjustable", true);
        answers.put("seatPanDepth", "too-long");
        answers.put("armrests", "too-high-shoulders-shrugged");
        answers.put("armrestsHardOrDamaged", true);
        answers.put("backSupport", "no-lumbar-support");
        answers.put("chairDuration", "over-4h");
        answers.put("monitorPosition", "too-low");
        answers.put("monitorGlare", true);
        answers.put("monitorDuration", "over-4h");
        answers.put("telephoneNeckAndShoulder", true);
        answers.put("mousePosition", "reaching");
        answers.put("mouseKeyboardDifferentSurfaces", true);
        answers.put("mouseDuration", "over-4h");
        answers.put("keyboardDuration", "over-4h");
        return answers;
    }
}
