package io.upright.web.admin;

import io.upright.web.page.ServiceProblem;

import java.util.List;
import java.util.Optional;

/**
 * The anonymity threshold as typed on the form. Only whether it is a whole number is checked here; the bounds (the
 * service's own k up to 1000) are insights' to decide, so its 400 is shown at the same field.
 */
public final class ThresholdForm {

    public static final String FIELD = "anonymityThreshold";

    private ThresholdForm() {
    }

    /** The number typed, or empty when it is blank or not a whole number. */
    public static Optional<Integer> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(typed.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What to show at the field when {@link #parse} found no number. */
    public static ServiceProblem refused(String typed, String required, String wholeNumber, String checkFields) {
        String message = typed == null || typed.isBlank() ? required : wholeNumber;
        return new ServiceProblem(400, "", checkFields, List.of(new ServiceProblem.FieldError(FIELD, message)));
    }

    /**
     * Insights' refusal as the form shows it: its field errors as they are, or, when it named none, its detail at the
     * threshold (the only thing the form sends).
     */
    public static ServiceProblem atField(ServiceProblem problem) {
        if (problem.status() >= 500 || !problem.fieldErrors().isEmpty() || problem.status() == 403) {
            return problem;
        }
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(),
                List.of(new ServiceProblem.FieldError(FIELD, problem.detail())));
    }
}
