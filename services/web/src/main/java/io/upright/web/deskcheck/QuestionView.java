package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Question;

import java.util.ArrayList;
import java.util.List;

/**
 * One question as the page renders it: which control ({@code boolean} and {@code choice} and small ranges as radios in a
 * fieldset, larger ranges as a number field), the value to pre-fill, and the ids that tie help and error to it.
 */
public record QuestionView(String id, String text, String kind, String help, List<Option> options, Integer min,
                           Integer max, String unit, String value, String error) {

    /** One radio of a group. */
    public record Option(String value, String label, String inputId, boolean checked) {
    }

    static QuestionView of(Question q, String value, String error) {
        String type = q.answerType() == null ? "" : q.answerType();
        List<Option> options = new ArrayList<>();
        String kind;
        if ("boolean".equals(type)) {
            kind = "boolean";
            // labels come from the page's bundle (yes/no); the values are what the service takes
            options.add(new Option("true", null, inputId(q.id(), "true"), "true".equals(value)));
            options.add(new Option("false", null, inputId(q.id(), "false"), "false".equals(value)));
        } else if ("single-choice".equals(type)) {
            kind = "choice";
            if (q.allowedValues() != null) {
                q.allowedValues().forEach(c -> options.add(
                        new Option(c.value(), c.label(), inputId(q.id(), c.value()), c.value().equals(value))));
            }
        } else if ("integer-range".equals(type) && q.min() != null && q.max() != null
                && q.max() - q.min() <= Wizard.MAX_RADIO_RANGE) {
            kind = "scale";
            for (int i = q.min(); i <= q.max(); i++) {
                String v = String.valueOf(i);
                options.add(new Option(v, v, inputId(q.id(), v), v.equals(value)));
            }
        } else {
            kind = "number";
        }
        return new QuestionView(q.id(), q.text(), kind, blankToNull(q.help()), List.copyOf(options), q.min(), q.max(),
                blankToNull(q.unit()), value, blankToNull(error));
    }

    /** The element id the error summary links to (see ServiceProblem.FieldError#anchor for answers.&lt;id&gt;). */
    public String anchor() {
        return "field-answers-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public String helpId() {
        return "help-" + safe(id);
    }

    public String errorId() {
        return "error-" + safe(id);
    }

    /** The id of the hint giving a range's bounds and unit. */
    public String rangeId() {
        return "range-" + safe(id);
    }

    /** True for integer ranges (as radios or a number field): their bounds and unit are shown. */
    public boolean ranged() {
        return "scale".equals(kind) || "number".equals(kind);
    }

    /** What a control's aria-describedby lists; null when nothing describes it. */
    public String describedBy() {
        List<String> ids = new ArrayList<>();
        if (error != null) {
            ids.add(errorId());
        }
        if (help != null) {
            ids.add(helpId());
        }
        if (ranged() && min != null && max != null) {
            ids.add(rangeId());
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    public boolean radios() {
        return !"number".equals(kind);
    }

    public boolean isBoolean() {
        return "boolean".equals(kind);
    }

    public boolean invalid() {
        return error != null;
    }

    private static String inputId(String questionId, String value) {
        return "q-" + safe(questionId) + "-" + safe(value);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
