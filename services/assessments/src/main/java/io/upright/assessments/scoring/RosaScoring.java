package io.upright.assessments.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROSA, the Rapid Office Strain Assessment (Sonne, Villalta &amp; Andrews, Applied Ergonomics 43 (2012) 98-108).
 *
 * <p>Each item scores its posture (1 = neutral .. 2 or 3) plus one point per "+1" condition. The chair: seat
 * height + pan depth and armrests + back support go into Chart A, then the chair's duration (-1/0/+1) is added.
 * Monitor, telephone, mouse and keyboard each get their own duration added before their chart: monitor and
 * telephone into Chart B, mouse and keyboard into Chart C; B and C into Chart D (monitor and peripherals); the
 * chair score and Chart D into the final chart, 1..10. A final score of 5 or more is the paper's action level.
 */
public final class RosaScoring {

    public static final String METHOD = "ROSA";
    public static final int MAX_SCORE = 10;
    public static final int ACT_NOW_FROM = 5;
    public static final int MODERATE_FROM = 3;
    /**
     * From this template version on, the back-support "+1"s raise {@link RosaFinding#BACKREST_SETUP} and a chair
     * used over 4 h a day (or over 1 h at a stretch) carries the shared {@code PROLONGED_SITTING} code. Versions 1
     * and 2 keep the findings they were published with, so their results never change meaning.
     */
    public static final int REVISED_FINDINGS_FROM_VERSION = 3;

    /** Template section ids, also the keys of {@link Result#sectionScores()}. */
    public static final String CHAIR = "chair";
    public static final String MONITOR_TELEPHONE = "monitor-telephone";
    public static final String MOUSE_KEYBOARD = "mouse-keyboard";

    /** The item scores (posture + their "+1"s, duration not included) and the duration of each section. */
    public record Items(int seatHeight, int panDepth, int armrests, int backSupport, int chairDuration,
                        int monitor, int monitorDuration, int telephone, int telephoneDuration,
                        int mouse, int mouseDuration, int keyboard, int keyboardDuration) {
    }

    /** Every intermediate score, so tests and explanations can show the path to the final score. */
    public record Result(Items items, int chartA, int chair, int monitorAndTelephone, int mouseAndKeyboard,
                         int monitorAndPeripherals, int finalScore, RiskLevel riskLevel, List<RosaFinding> findings,
                         boolean backSupportNotNeutral, boolean clinicalReview, boolean prolongedSitting) {

        /**
         * The published codes: {@code RED_FLAG_SEEK_CLINICIAN} first when the safety screen (rosa v2) raised a
         * red flag, then the ROSA findings, then {@code PROLONGED_SITTING} (rosa v3 on: the chair used over 4 h a
         * day or over 1 h at a stretch). Neither changes the ROSA score or risk level.
         */
        public List<String> findingCodes() {
            List<String> codes = new ArrayList<>();
            if (clinicalReview) {
                codes.add(Finding.RED_FLAG_SEEK_CLINICIAN.code());
            }
            findings.stream().map(RosaFinding::code).forEach(codes::add);
            if (prolongedSitting) {
                codes.add(Finding.PROLONGED_SITTING.code());
            }
            return List.copyOf(codes);
        }

        /** The score of each template section (chair, Chart B, Chart C), which the re-assessment delta compares. */
        public Map<String, Integer> sectionScores() {
            Map<String, Integer> sections = new LinkedHashMap<>();
            sections.put(CHAIR, chair);
            sections.put(MONITOR_TELEPHONE, monitorAndTelephone);
            sections.put(MOUSE_KEYBOARD, mouseAndKeyboard);
            return sections;
        }
    }

    private RosaScoring() {
    }

    /**
     * Scores a complete answer set of rosa v1 or v2 (values as the template normalises them), with the findings
     * those versions were published with.
     */
    public static Result score(Map<String, Object> answers) {
        return score(answers, 1);
    }

    /** Scores a complete answer set of the given rosa version; see {@link #REVISED_FINDINGS_FROM_VERSION}. */
    public static Result score(Map<String, Object> answers, int templateVersion) {
        int backPosture = points(answers, "backSupport");
        Items items = new Items(
                points(answers, "seatHeight") + plus(answers, "seatInsufficientLegSpace", "seatHeightNotAdjustable"),
                points(answers, "seatPanDepth") + plus(answers, "seatPanDepthNotAdjustable"),
                points(answers, "armrests") + plus(answers, "armrestsHardOrDamaged", "armrestsTooWide", "armrestsNotAdjustable"),
                backPosture + plus(answers, "workSurfaceTooHigh", "backSupportNotAdjustable"),
                duration(answers, "chairDuration"),
                points(answers, "monitorPosition")
                        + plus(answers, "monitorTooFar", "monitorNeckTwisted", "monitorGlare", "documentsWithoutHolder"),
                duration(answers, "monitorDuration"),
                points(answers, "telephonePosition") + 2 * plus(answers, "telephoneNeckAndShoulder")
                        + plus(answers, "telephoneNoHandsFree"),
                duration(answers, "telephoneDuration"),
                points(answers, "mousePosition") + 2 * plus(answers, "mouseKeyboardDifferentSurfaces")
                        + plus(answers, "mousePinchGrip", "mouseHardPalmRest"),
                duration(answers, "mouseDuration"),
                points(answers, "keyboardPosition") + plus(answers, "keyboardWristsDeviated", "keyboardTooHigh",
                        "keyboardReachingOverhead", "keyboardPlatformNotAdjustable"),
                duration(answers, "keyboardDuration"));
        return compute(items, backPosture > 1, SafetyScreen.screen(answers).clinicalReview(),
                templateVersion >= REVISED_FINDINGS_FROM_VERSION);
    }

    /**
     * The chart arithmetic on item scores, with the current (revised) findings; {@code backSupportNotNeutral} only
     * decides the lumbar finding.
     */
    public static Result compute(Items i, boolean backSupportNotNeutral) {
        return compute(i, backSupportNotNeutral, false, true);
    }

    /**
     * As {@link #compute(Items, boolean)}; {@code clinicalReview} (a raised red flag) only adds its finding code,
     * {@code revisedFindings} says whether the findings of {@link #REVISED_FINDINGS_FROM_VERSION} apply.
     */
    public static Result compute(Items i, boolean backSupportNotNeutral, boolean clinicalReview, boolean revisedFindings) {
        int chartA = RosaCharts.chartA(i.seatHeight() + i.panDepth(), i.armrests() + i.backSupport());
        int chair = chartA + i.chairDuration();
        int b = RosaCharts.chartB(i.telephone() + i.telephoneDuration(), i.monitor() + i.monitorDuration());
        int c = RosaCharts.chartC(i.mouse() + i.mouseDuration(), i.keyboard() + i.keyboardDuration());
        int d = RosaCharts.chartD(b, c);
        int finalScore = RosaCharts.finalChart(chair, d);

        List<RosaFinding> findings = new ArrayList<>();
        if (finalScore >= ACT_NOW_FROM) {
            findings.add(RosaFinding.ROSA_ACT_NOW);
        }
        // an item is a finding when it scores above neutral (1) before duration: a posture or a "+1" is off
        addIf(findings, i.seatHeight() > 1, RosaFinding.CHAIR_SEAT_HEIGHT);
        addIf(findings, i.panDepth() > 1, RosaFinding.CHAIR_PAN_DEPTH);
        addIf(findings, i.armrests() > 1, RosaFinding.CHAIR_ARMRESTS);
        addIf(findings, backSupportNotNeutral, RosaFinding.NO_LUMBAR_SUPPORT);
        // every non-neutral back posture scores 2, so whatever the item holds above that (or above 1) are "+1"s
        addIf(findings, revisedFindings && i.backSupport() > (backSupportNotNeutral ? 2 : 1), RosaFinding.BACKREST_SETUP);
        addIf(findings, i.monitor() > 1, RosaFinding.MONITOR_POSITION);
        addIf(findings, i.telephone() > 1, RosaFinding.TELEPHONE_POSTURE);
        addIf(findings, i.mouse() > 1, RosaFinding.MOUSE_POSITION);
        addIf(findings, i.keyboard() > 1, RosaFinding.KEYBOARD_POSTURE);
        // ROSA's +1 chair duration is exactly "over 4 h a day or over 1 h at a stretch", the shared code's meaning
        return new Result(i, chartA, chair, b, c, d, finalScore, riskLevel(finalScore), List.copyOf(findings),
                backSupportNotNeutral, clinicalReview, revisedFindings && i.chairDuration() > 0);
    }

    /** 5..10 = act now (HIGH, the paper's action level); 3..4 = MODERATE; 1..2 = LOW. */
    public static RiskLevel riskLevel(int finalScore) {
        return finalScore >= ACT_NOW_FROM ? RiskLevel.HIGH
                : finalScore >= MODERATE_FROM ? RiskLevel.MODERATE
                : RiskLevel.LOW;
    }

    /** Points of each posture choice of the template; a value not listed here is a template/scoring mismatch. */
    static final Map<String, Integer> POSTURE_POINTS = Map.ofEntries(
            Map.entry("seatHeight:knees-at-90", 1),
            Map.entry("seatHeight:too-low", 2),
            Map.entry("seatHeight:too-high", 2),
            Map.entry("seatHeight:feet-not-on-floor", 3),
            Map.entry("seatPanDepth:about-8cm-space", 1),
            Map.entry("seatPanDepth:too-long", 2),
            Map.entry("seatPanDepth:too-short", 2),
            Map.entry("armrests:elbows-supported-shoulders-relaxed", 1),
            Map.entry("armrests:too-high-shoulders-shrugged", 2),
            Map.entry("armrests:too-low-arms-unsupported", 2),
            Map.entry("backSupport:lumbar-supported-95-110", 1),
            Map.entry("backSupport:no-lumbar-support", 2),
            Map.entry("backSupport:reclined-over-110", 2),
            Map.entry("backSupport:upright-under-95", 2),
            Map.entry("backSupport:no-backrest-or-leaning-forward", 2),
            Map.entry("monitorPosition:eye-level-arms-length", 1),
            Map.entry("monitorPosition:too-low", 2),
            Map.entry("monitorPosition:too-high", 3),
            Map.entry("telephonePosition:within-reach-neutral-neck", 1),
            Map.entry("telephonePosition:too-far", 2),
            Map.entry("mousePosition:in-line-with-shoulder", 1),
            Map.entry("mousePosition:reaching", 2),
            Map.entry("keyboardPosition:wrists-straight-shoulders-relaxed", 1),
            Map.entry("keyboardPosition:wrists-extended", 2));

    /** Duration per section: under 1 h/day or under 30 min at a stretch = -1; over 4 h/day or over 1 h = +1. */
    static final Map<String, Integer> DURATION_POINTS = Map.of("under-1h", -1, "1-4h", 0, "over-4h", 1);

    private static int points(Map<String, Object> answers, String questionId) {
        Integer points = POSTURE_POINTS.get(questionId + ":" + answers.get(questionId));
        if (points == null) {
            throw new IllegalArgumentException("No ROSA points for " + questionId + "=" + answers.get(questionId));
        }
        return points;
    }

    private static int duration(Map<String, Object> answers, String questionId) {
        Integer points = DURATION_POINTS.get(String.valueOf(answers.get(questionId)));
        if (points == null) {
            throw new IllegalArgumentException("No ROSA duration for " + questionId + "=" + answers.get(questionId));
        }
        return points;
    }

    private static int plus(Map<String, Object> answers, String... questionIds) {
        int count = 0;
        for (String id : questionIds) {
            if (Boolean.TRUE.equals(answers.get(id))) {
                count++;
            }
        }
        return count;
    }

    private static void addIf(List<RosaFinding> findings, boolean condition, RosaFinding finding) {
        if (condition) {
            findings.add(finding);
        }
    }
}
