package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Routine;

import java.util.Set;

/**
 * What the employee told us about being ready for harder exercise, as the recommender needs it:
 * {@code vigorousCleared} when their latest readiness screen (PAR-Q+ general health questions) had every answer
 * "no", {@code screenedWithYes} when it had at least one "yes" (never screened: both false), and the self-release
 * techniques they confirmed a physiotherapist showed them or whose safety note they read.
 */
public record Readiness(boolean vigorousCleared, boolean screenedWithYes, Set<String> confirmedTechniques) {

    /** Never screened, nothing confirmed: no vigorous routine and no release technique. */
    public static final Readiness NONE = new Readiness(false, false, Set.of());

    public Readiness {
        confirmedTechniques = confirmedTechniques == null ? Set.of() : Set.copyOf(confirmedTechniques);
    }

    /** Cleared for vigorous exercise and every technique confirmed (unit tests of progressions). */
    public static Readiness cleared(String... techniques) {
        return new Readiness(true, false, Set.of(techniques));
    }

    /** Vigorous activity only after an all-"no" screen; a release technique only once confirmed. */
    public boolean allows(Routine routine) {
        return allowsVigour(routine) && confirmedTechniques.containsAll(routine.releaseTechniques());
    }

    public boolean allowsVigour(Routine routine) {
        return vigorousCleared || !routine.vigorous();
    }
}
