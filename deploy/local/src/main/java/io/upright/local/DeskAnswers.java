package io.upright.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answer sets for the current template versions, as an employee's page would send them. The demo and the
 * end-to-end tests start from these and change what their person reports.
 */
public final class DeskAnswers {

    /** Every question of the safety screen (urgency signs and precautions), in the order the templates ask them. */
    public static final List<String> SAFETY_SCREEN = List.of(
            "legNumbnessOrTingling", "painRadiatesDownLeg", "painAtNightOrAtRest", "recentFallOrBackInjury",
            "unexplainedLegWeakness", "saddleNumbness", "newBladderBowelOrSexualProblems", "symptomsInBothLegs",
            "progressiveLegWeakness", "feverWithBackPain", "unexplainedWeightLoss", "historyOfCancer",
            "weakenedImmuneSystem", "osteoporosisOrLongTermSteroids", "takesBloodThinners",
            "legPainWhenWalkingEasedBySitting", "surgeryInLastSixMonths", "pregnant");

    private DeskAnswers() {
    }

    /** The safety screen answered "no" throughout. */
    public static Map<String, Object> nothingToReport() {
        Map<String, Object> answers = new LinkedHashMap<>();
        SAFETY_SCREEN.forEach(question -> answers.put(question, false));
        return answers;
    }

    /** A workstation-basics check of a well set-up desk by someone who moves often. */
    public static Map<String, Object> goodDesk() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("feetFlatOnFloor", true);
        a.put("kneesNear90Degrees", true);
        a.put("backSupported", true);
        a.put("screenAtEyeLevel", true);
        a.put("chairType", "office-adjustable");
        a.put("standingDeskAvailable", true);
        a.put("hoursSittingPerDay", 3);
        a.put("longestSittingBoutMinutes", 30);
        a.put("standUpFrequency", "every-30-min");
        a.put("discomfortWhenSitting", 0);
        a.put("discomfortWhenWalkingOrStanding", 0);
        a.putAll(nothingToReport());
        return a;
    }

    /**
     * A workstation-basics check of a kitchen chair without back support and no standing desk, sat at nine hours a day
     * in bouts of over two hours with discomfort: the pattern the program exists to reduce (risk HIGH).
     */
    public static Map<String, Object> riskyDesk() {
        Map<String, Object> a = goodDesk();
        a.put("backSupported", false);
        a.put("chairType", "kitchen-or-dining");
        a.put("standingDeskAvailable", false);
        a.put("hoursSittingPerDay", 9);
        a.put("longestSittingBoutMinutes", 150);
        a.put("standUpFrequency", "rarely");
        a.put("discomfortWhenSitting", 5);
        a.put("discomfortWhenWalkingOrStanding", 4);
        return a;
    }

    /** A ROSA check with every item neutral and each device used 1 to 4 hours a day (ROSA score 2). */
    public static Map<String, Object> rosaNeutral() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("seatHeight", "knees-at-90");
        a.put("seatPanDepth", "about-8cm-space");
        a.put("armrests", "elbows-supported-shoulders-relaxed");
        a.put("backSupport", "lumbar-supported-95-110");
        a.put("monitorPosition", "eye-level-arms-length");
        a.put("telephonePosition", "within-reach-neutral-neck");
        a.put("mousePosition", "in-line-with-shoulder");
        a.put("keyboardPosition", "wrists-straight-shoulders-relaxed");
        for (String flag : List.of("seatInsufficientLegSpace", "seatHeightNotAdjustable", "seatPanDepthNotAdjustable",
                "armrestsHardOrDamaged", "armrestsTooWide", "armrestsNotAdjustable", "workSurfaceTooHigh",
                "backSupportNotAdjustable", "monitorTooFar", "monitorNeckTwisted", "monitorGlare",
                "documentsWithoutHolder", "telephoneNeckAndShoulder", "telephoneNoHandsFree",
                "mouseKeyboardDifferentSurfaces", "mousePinchGrip", "mouseHardPalmRest", "keyboardWristsDeviated",
                "keyboardTooHigh", "keyboardReachingOverhead", "keyboardPlatformNotAdjustable")) {
            a.put(flag, false);
        }
        for (String duration : List.of("chairDuration", "monitorDuration", "telephoneDuration", "mouseDuration",
                "keyboardDuration")) {
            a.put(duration, "1-4h");
        }
        a.putAll(nothingToReport());
        return a;
    }

    /**
     * A ROSA check that calls for action now (score 5 or more): a low fixed seat that is too deep, hard high
     * armrests, no lumbar support, a low screen with glare, the phone on the shoulder, a mouse reached for on
     * another surface, and the chair used over 4 hours a day.
     */
    public static Map<String, Object> rosaActNow() {
        Map<String, Object> a = rosaNeutral();
        a.put("seatHeight", "too-low");
        a.put("seatHeightNotAdjustable", true);
        a.put("seatPanDepth", "too-long");
        a.put("armrests", "too-high-shoulders-shrugged");
        a.put("armrestsHardOrDamaged", true);
        a.put("backSupport", "no-lumbar-support");
        a.put("chairDuration", "over-4h");
        a.put("monitorPosition", "too-low");
        a.put("monitorGlare", true);
        a.put("monitorDuration", "over-4h");
        a.put("telephoneNeckAndShoulder", true);
        a.put("mousePosition", "reaching");
        a.put("mouseKeyboardDifferentSurfaces", true);
        a.put("mouseDuration", "over-4h");
        a.put("keyboardDuration", "over-4h");
        return a;
    }
}
