package io.upright.reminders.dose;

import io.upright.contracts.exercises.MicroBreak;

import java.util.List;

/**
 * The micro-breaks a break suggests (pure): desk-friendly, a minute or two, taken in turn. The exercises service's
 * for this employee when it named some; otherwise built-in ones that are safe for anyone.
 */
public final class MicroBreaks {

    /** What a micro-break may last: longer is a routine, not something to do at every break. */
    public static final int MAX_MINUTES = 2;

    public static final MicroBreak WALK = new MicroBreak("stand-up-and-walk", "Stand up and walk for two minutes", 2);
    public static final MicroBreak STRETCH_TALL = new MicroBreak("stand-and-stretch-tall", "Stand and stretch tall", 1);

    /** Built in, for when the recommendation names none (older events) or there is no recommendation yet. */
    public static final List<MicroBreak> BUILT_IN = List.of(WALK, STRETCH_TALL);

    private MicroBreaks() {
    }

    /**
     * The micro-break for the employee's {@code turn}-th reminder of a kind: the recommended ones in turn (those that
     * really are micro: a title and 1–2 minutes), or the built-in ones when none is left.
     */
    public static MicroBreak pick(List<MicroBreak> recommended, long turn) {
        List<MicroBreak> usable = recommended == null ? List.of() : recommended.stream().filter(MicroBreaks::isMicro).toList();
        List<MicroBreak> from = usable.isEmpty() ? BUILT_IN : usable;
        return from.get((int) Math.floorMod(turn, (long) from.size()));
    }

    static boolean isMicro(MicroBreak b) {
        return b != null && b.exerciseId() != null && !b.exerciseId().isBlank() && b.title() != null && !b.title().isBlank()
                && b.minutes() >= 1 && b.minutes() <= MAX_MINUTES;
    }

    /** What one-click Done records for it: the built-in walk is a walk; anything else a stretch. */
    public static String activity(MicroBreak b) {
        return WALK.exerciseId().equals(b.exerciseId()) ? "walk" : "stretch";
    }
}
