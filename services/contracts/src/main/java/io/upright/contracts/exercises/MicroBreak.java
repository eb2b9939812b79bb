package io.upright.contracts.exercises;

/** A desk-friendly break of a minute or two (stand, walk, a short stretch) that a reminder can suggest. */
public record MicroBreak(String exerciseId, String title, int minutes) {
}
