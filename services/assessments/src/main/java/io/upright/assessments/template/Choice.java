package io.upright.assessments.template;

/** One allowed value of a single-choice question, with the label a form shows for it. */
public record Choice(String value, String label) {
}
