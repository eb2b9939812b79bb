package io.upright.platform.domain;

/** One offending input: {@code field} is the JSON path the client sent (e.g. {@code answers.seatHeight}). */
public record FieldError(String field, String message) {
}
