package io.upright.assessments.template;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * One checklist question. {@code redFlag} marks an answer that asks for a clinician before any exercise
 * (a {@code true} answer to a red-flag boolean question).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        String section,
        String text,
        AnswerType answerType,
        List<Choice> allowedValues,
        Integer min,
        Integer max,
        String unit,
        String help,
        Boolean redFlag) {

    public boolean isRedFlag() {
        return Boolean.TRUE.equals(redFlag);
    }

    /**
     * Normalises a value decoded from JSON (Boolean, String, Integer, Long, Double...) to the one Java type
     * this question stores, or says why it does not fit.
     */
    public Checked check(Object value) {
        if (value == null) {
            return Checked.invalid("must have a value");
        }
        switch (answerType) {
            case BOOLEAN:
                return value instanceof Boolean b ? Checked.ok(b) : Checked.invalid("must be true or false");
            case SINGLE_CHOICE:
                if (value instanceof String s && allowedValues.stream().anyMatch(c -> c.value().equals(s))) {
                    return Checked.ok(s);
                }
                return Checked.invalid("must be one of " + String.join(", ", allowedValues.stream().map(Choice::value).toList()));
            case INTEGER_RANGE:
                Long whole = wholeNumber(value);
                if (whole == null) {
                    return Checked.invalid("must be a whole number from " + min + " to " + max);
                }
                if (whole < min || whole > max) {
                    return Checked.invalid("must be from " + min + " to " + max + (unit == null ? "" : " (" + unit + ")"));
                }
                return Checked.ok(whole.intValue());
            default:
                throw new IllegalStateException("Unknown answer type " + answerType);
        }
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof BigInteger big) {
            // far outside any range; clamp so the range check reports it
            return big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return null;
    }

    /** The outcome of checking one answer: the normalised value, or the reason it was refused. */
    public record Checked(Object value, String problem) {
        static Checked ok(Object value) {
            return new Checked(value, null);
        }

        static Checked invalid(String problem) {
            return new Checked(null, problem);
        }

        public boolean valid() {
            return problem == null;
        }

        public Optional<String> problemMessage() {
            return Optional.ofNullable(problem);
        }
    }
}
