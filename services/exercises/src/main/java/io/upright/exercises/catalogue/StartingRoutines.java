package io.upright.exercises.catalogue;

import java.util.Set;

/**
 * The routines the recommender starts employees on. They live with the catalogue, not the recommender, because
 * the library's retire rule needs them too: retiring one would leave findings without a routine.
 */
public final class StartingRoutines {

    public static final String HIP_FLEXOR_RESET = "hip-flexor-reset";
    public static final String DESK_DAY_LOWER_BACK = "desk-day-lower-back";
    public static final String WALKING_BREAK = "walking-break";
    public static final String POSTURE_RESET = "posture-reset";
    /** Where a backrest that does not hold the lower back (ROSA) starts, and a safe seated alternative. */
    public static final String DESK_MOBILITY_BREAK = "desk-mobility-break";

    public static final Set<String> ALL = Set.of(HIP_FLEXOR_RESET, DESK_DAY_LOWER_BACK, WALKING_BREAK, POSTURE_RESET,
            DESK_MOBILITY_BREAK);

    private StartingRoutines() {
    }
}
