package io.upright.exercises.recommendation;

import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seven general health questions of the PAR-Q+ (2023, Warburton et al.), in plain words; {@code true} = "yes".
 * Any "yes" keeps vigorous exercise off until the employee has checked with a clinician.
 *
 * @param heartConditionOrHighBloodPressure a doctor ever said they have a heart condition or high blood pressure
 * @param chestPain                         chest pain at rest, in daily activities or when physically active
 * @param dizzinessOrFainting               lost balance through dizziness or lost consciousness in the last 12 months
 * @param otherChronicCondition             diagnosed with another chronic medical condition
 * @param chronicConditionMedication        currently takes prescribed medication for a chronic medical condition
 * @param boneJointOrSoftTissueProblem      a bone, joint or soft-tissue problem that being more active could worsen
 * @param medicallySupervisedActivityOnly   a doctor said they should only do medically supervised physical activity
 */
public record ReadinessAnswers(Boolean heartConditionOrHighBloodPressure, Boolean chestPain,
                               Boolean dizzinessOrFainting, Boolean otherChronicCondition,
                               Boolean chronicConditionMedication, Boolean boneJointOrSoftTissueProblem,
                               Boolean medicallySupervisedActivityOnly) {

    /** The answers by field name, in question order. */
    public Map<String, Boolean> byField() {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        answers.put("heartConditionOrHighBloodPressure", heartConditionOrHighBloodPressure);
        answers.put("chestPain", chestPain);
        answers.put("dizzinessOrFainting", dizzinessOrFainting);
        answers.put("otherChronicCondition", otherChronicCondition);
        answers.put("chronicConditionMedication", chronicConditionMedication);
        answers.put("boneJointOrSoftTissueProblem", boneJointOrSoftTissueProblem);
        answers.put("medicallySupervisedActivityOnly", medicallySupervisedActivityOnly);
        return answers;
    }

    /** One error per unanswered question, named by its JSON field. */
    public List<FieldError> missing() {
        List<FieldError> errors = new ArrayList<>();
        byField().forEach((field, answer) -> {
            if (answer == null) {
                errors.add(new FieldError(field, "must be answered true (yes) or false (no)"));
            }
        });
        return errors;
    }

    public boolean anyYes() {
        return byField().values().stream().anyMatch(Boolean.TRUE::equals);
    }
}
