package io.upright.web.content;

import io.upright.web.page.ServiceProblem;

import java.util.List;

/** What drafting a new exercise or routine has in common on its form. */
final class Drafts {

    private Drafts() {
    }

    /**
     * A new item's id that is taken is refused with a 409 naming no field ("… already exists; edit it instead"): the
     * form says it at the id, where it is corrected.
     */
    static ServiceProblem existingAtId(ServiceProblem problem) {
        if (problem.status() != 409 || !problem.fieldErrors().isEmpty()) {
            return problem;
        }
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(),
                List.of(new ServiceProblem.FieldError("id", problem.detail())));
    }
}
