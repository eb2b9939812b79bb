package io.upright.platform.problem;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import java.util.List;

/**
 * A failure the client can act on, carried to the HTTP edge as a problem document. Domain code throws the
 * factories below; the mapper turns them into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** The one mapping from the domain's refusals to HTTP: invalid 400, not found 404, conflict 409. */
    public static ProblemException from(Rejection rejection) {
        int status;
        switch (rejection.reason()) {
            case INVALID:
                status = 400;
                break;
            case NOT_FOUND:
                status = 404;
                break;
            case CONFLICT:
                status = 409;
                break;
            default:
                throw new IllegalStateException("Unmapped rejection " + rejection.reason());
        }
        return new ProblemException(status, rejection.code(), rejection.title(), rejection.detail(), rejection.errors());
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
