package io.upright.assessments.template;

import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A versioned checklist: which questions an assessment asks and what each accepts. Versions never change
 * once published, so a submitted assessment keeps the meaning it had.
 */
public record ChecklistTemplate(
        String id,
        int version,
        String title,
        String description,
        String method,
        String source,
        List<Section> sections,
        List<Question> questions) {

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /**
     * Checks answers the client sent: every key must be a question of this template and every value must
     * fit it. Errors name {@code answers.<questionId>}, sorted so the response is stable.
     *
     * @return the normalised answers, or throws nothing: the caller decides with {@link Validated#errors()}
     */
    public Validated validate(Map<String, Object> answers) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            Optional<Question> question = question(answer.getKey());
            if (question.isEmpty()) {
                errors.put(answer.getKey(), "is not a question of " + id + " v" + version);
                continue;
            }
            Question.Checked checked = question.get().check(answer.getValue());
            if (checked.valid()) {
                normalised.put(answer.getKey(), checked.value());
            } else {
                errors.put(answer.getKey(), checked.problem());
            }
        }
        return new Validated(normalised, toFieldErrors(errors));
    }

    /** Every question must be answered, and answered validly, before an assessment can be scored. */
    public List<FieldError> incomplete(Map<String, Object> answers) {
        Map<String, String> errors = new TreeMap<>();
        for (Question question : questions) {
            if (!answers.containsKey(question.id())) {
                errors.put(question.id(), "is required");
            } else {
                question.check(answers.get(question.id())).problemMessage().ifPresent(p -> errors.put(question.id(), p));
            }
        }
        return toFieldErrors(errors);
    }

    private static List<FieldError> toFieldErrors(Map<String, String> errors) {
        List<FieldError> fieldErrors = new ArrayList<>();
        errors.forEach((questionId, message) -> fieldErrors.add(new FieldError("answers." + questionId, message)));
        return fieldErrors;
    }

    public record Validated(Map<String, Object> answers, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
