package io.upright.web.routine;

import io.upright.web.page.ServiceProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the player is and what the finishing form sent, kept out of the resource so it tests without Quarkus. Steps
 * are numbered from 1 to the number of exercises; the step after the last is the "I did it" form.
 */
public final class Player {

    private Player() {
    }

    /** The step asked for, kept within the routine (a bad or missing number starts at the beginning). */
    static int step(String asked, int exercises) {
        int step;
        try {
            step = asked == null ? 1 : Integer.parseInt(asked.trim());
        } catch (NumberFormatException e) {
            step = 1;
        }
        return Math.max(1, Math.min(step, exercises + 1));
    }

    /** The form's fields as typed: kept to show them again when something was refused. */
    public record Answers(String minutes, String feltRating, String discomfort) {

        public boolean felt(int rating) {
            return String.valueOf(rating).equals(feltRating == null ? null : feltRating.trim());
        }
    }

    /**
     * The session to log, or the fields that are not whole numbers (named as the service names them, so they are
     * shown at the same place a refusal of the service would be). Empty fields are sent empty: the service says
     * which it needs.
     */
    public record Parsed(Integer minutes, Integer feltRating, Integer discomfort, List<String> notNumbers) {
    }

    static Parsed parse(Answers answers) {
        List<String> bad = new ArrayList<>();
        Integer minutes = number("minutes", answers.minutes(), bad);
        Integer felt = number("feltRating", answers.feltRating(), bad);
        Integer discomfort = number("discomfort", answers.discomfort(), bad);
        return new Parsed(minutes, felt, discomfort, List.copyOf(bad));
    }

    private static Integer number(String field, String value, List<String> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            bad.add(field);
            return null;
        }
    }

    /** A refusal made here, shaped like the service's, so the page shows both the same way. */
    static ServiceProblem notNumbers(List<String> fields, String message) {
        return new ServiceProblem(400, message, message,
                fields.stream().map(f -> new ServiceProblem.FieldError(f, message)).toList());
    }
}
