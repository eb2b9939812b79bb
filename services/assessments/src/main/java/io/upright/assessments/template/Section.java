package io.upright.assessments.template;

/** A group of questions shown together. */
public record Section(String id, String title) {
}
