package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Question;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A submitted section form → the typed answers the service takes. A blank field is not sent (moving between sections
 * may leave questions open). A value that does not fit its type is sent as typed, so the service names it at its
 * question with its own reason rather than the page guessing one.
 */
public final class AnswerForm {

    private AnswerForm() {
    }

    /** @param field the first value of a form field, or null */
    public static Map<String, Object> answers(List<Question> questions, Function<String, String> field) {
        Map<String, Object> answers = new LinkedHashMap<>();
        typed(questions, field).forEach((id, raw) -> {
            Question question = questions.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
            answers.put(id, convert(question, raw));
        });
        return answers;
    }

    /** What the person typed or chose, per question, non-blank only: shown again when the page comes back. */
    public static Map<String, String> typed(List<Question> questions, Function<String, String> field) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Question question : questions) {
            String raw = field.apply(question.id());
            if (raw != null && !raw.isBlank()) {
                typed.put(question.id(), raw.strip());
            }
        }
        return typed;
    }

    /** Saved answers as the strings a form shows. */
    public static Map<String, String> shown(Map<String, Object> answers) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((id, value) -> {
                if (value != null) {
                    shown.put(id, String.valueOf(value));
                }
            });
        }
        return shown;
    }

    static Object convert(Question question, String raw) {
        String type = question.answerType() == null ? "" : question.answerType();
        switch (type) {
            case "boolean":
                if (raw.equals("true")) {
                    return Boolean.TRUE;
                }
                return raw.equals("false") ? Boolean.FALSE : raw;
            case "integer-range":
                if (!raw.matches("[+-]?\\d+")) {
                    return raw;
                }
                BigInteger whole = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
                return whole.bitLength() < 32 ? (Object) whole.intValue() : whole;
            default:
                return raw;
        }
    }
}
