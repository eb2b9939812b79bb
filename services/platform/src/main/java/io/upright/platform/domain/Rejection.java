package io.upright.platform.domain;

import java.util.List;

/**
 * A command the domain refuses, said in the domain's terms: the input is invalid, the thing it names does not exist,
 * or the aggregate's state does not allow it. Deciders and domain services throw it; they know nothing of HTTP.
 * One place at the edge ({@code ProblemMappers}) turns it into a problem response.
 */
public final class Rejection extends RuntimeException {

    /** Why the command was refused; the edge maps each reason to one status. */
    public enum Reason {
        /** The command's input breaks a rule; {@link #errors()} names the fields. */
        INVALID,
        /** The command names something that does not exist (for this tenant). */
        NOT_FOUND,
        /** The state the command meets does not allow it. */
        CONFLICT
    }

    private final Reason reason;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    private Rejection(Reason reason, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.reason = reason;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static Rejection invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid command names at least one field");
        }
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Rejection(Reason.INVALID, "validation", "Invalid request", detail, errors);
    }

    public static Rejection invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Rejection notFound(String what) {
        return new Rejection(Reason.NOT_FOUND, "not-found", "Not found", what + " does not exist", List.of());
    }

    public static Rejection conflict(String detail) {
        return new Rejection(Reason.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    /** A conflict with its own code (the problem type's last segment), for clients that act on the kind. */
    public static Rejection conflict(String code, String title, String detail) {
        return new Rejection(Reason.CONFLICT, code, title, detail, List.of());
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
