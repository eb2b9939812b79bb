package io.upright.assessments.scoring;

import java.util.List;
import java.util.Map;

/**
 * The safety screen shared by every template version that has one: questions whose {@code true} answer means
 * "see a clinician before exercising". The template files mark the same questions {@code redFlag: true}
 * (RedFlagTemplatesTest keeps both in step). A raised red flag adds no points: it is not a workstation problem,
 * it asks for clinical review instead.
 */
public final class RedFlags {

    /** In the order a safety section asks them; v1 of workstation-basics asks only the first. */
    public static final List<String> QUESTIONS = List.of(
            "legNumbnessOrTingling",
            "painRadiatesDownLeg",
            "painAtNightOrAtRest",
            "recentFallOrBackInjury",
            "unexplainedLegWeakness");

    private RedFlags() {
    }

    /** The red-flag questions answered {@code true}, in {@link #QUESTIONS} order; questions not asked count as no. */
    public static List<String> raised(Map<String, Object> answers) {
        return QUESTIONS.stream().filter(id -> Boolean.TRUE.equals(answers.get(id))).toList();
    }

    public static boolean anyRaised(Map<String, Object> answers) {
        return !raised(answers).isEmpty();
    }
}
