package io.upright.assessments.scoring;

import io.upright.contracts.assessments.Precautions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety screen of every template version: which "yes" answers pause exercise and how urgently
 * ({@link Urgency}), and which only leave particular exercises out ({@link Precautions} codes). Version 3 of both
 * templates asks all of these; versions 1 and 2 ask only the {@link RedFlags#QUESTIONS}, which keep meaning
 * "see a clinician first", so their results are exactly what they were. Questions not asked count as no.
 * The template files mark every urgency question {@code redFlag: true}; precaution questions are not red flags
 * (PublishedTemplatesTest keeps both in step).
 */
public final class SafetyScreen {

    /** Cauda equina signs: same-day emergency care, no exercise. */
    public static final List<String> EMERGENCY_SIGNS = List.of(
            "saddleNumbness",
            "newBladderBowelOrSexualProblems",
            "symptomsInBothLegs",
            "progressiveLegWeakness");

    /**
     * Signs to show a clinician before exercising: the v2 red flags (nerve symptoms, pain below the knee, night
     * pain, a recent fall or injury) plus infection, cancer and fracture-risk signs asked from version 3.
     */
    public static final List<String> SEE_CLINICIAN_FIRST_SIGNS = concat(RedFlags.QUESTIONS, List.of(
            "feverWithBackPain",
            "unexplainedWeightLoss",
            "historyOfCancer",
            "weakenedImmuneSystem",
            "osteoporosisOrLongTermSteroids"));

    /** Question → precaution code; osteoporosis is also a see-a-clinician sign (fracture risk). */
    public static final Map<String, String> PRECAUTION_QUESTIONS = orderedMap(
            "takesBloodThinners", Precautions.ANTICOAGULANTS,
            "legPainWhenWalkingEasedBySitting", Precautions.STENOSIS_SYMPTOMS,
            "surgeryInLastSixMonths", Precautions.RECENT_SURGERY,
            "pregnant", Precautions.PREGNANCY,
            "osteoporosisOrLongTermSteroids", Precautions.OSTEOPOROSIS);

    /** Every question whose "yes" pauses exercise, most urgent first. */
    public static final List<String> URGENCY_QUESTIONS = concat(EMERGENCY_SIGNS, SEE_CLINICIAN_FIRST_SIGNS);

    /** What one answer set's screen says; {@code precautions} in {@link #PRECAUTION_QUESTIONS} order. */
    public record Screen(Urgency urgency, List<String> precautions) {
        public boolean clinicalReview() {
            return urgency.clinicalReview();
        }
    }

    private SafetyScreen() {
    }

    public static Screen screen(Map<String, Object> answers) {
        Urgency urgency = anyYes(answers, EMERGENCY_SIGNS) ? Urgency.EMERGENCY
                : anyYes(answers, SEE_CLINICIAN_FIRST_SIGNS) ? Urgency.SEE_CLINICIAN_FIRST
                : Urgency.NONE;
        List<String> precautions = new ArrayList<>();
        PRECAUTION_QUESTIONS.forEach((question, code) -> {
            if (Boolean.TRUE.equals(answers.get(question)) && !precautions.contains(code)) {
                precautions.add(code);
            }
        });
        return new Screen(urgency, List.copyOf(precautions));
    }

    private static boolean anyYes(Map<String, Object> answers, List<String> questions) {
        return questions.stream().anyMatch(id -> Boolean.TRUE.equals(answers.get(id)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
