package io.upright.exercises.catalogue;

import java.util.List;

/** A routine as the content file states it: which exercises, in order. */
public record RoutineDefinition(String id, String title, String purpose, List<String> exerciseIds) {
}
