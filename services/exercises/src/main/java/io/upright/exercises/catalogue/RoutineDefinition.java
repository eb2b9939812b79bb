package io.upright.exercises.catalogue;

import java.util.List;

/**
 * A routine as the content file states it: which exercises, in order, its level, and optionally the routine
 * that follows it in the progression ({@code next}, null at the end of a progression).
 */
public record RoutineDefinition(String id, String title, String purpose, String level, String next,
                                List<String> exerciseIds) {
}
