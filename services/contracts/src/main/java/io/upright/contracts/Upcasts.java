package io.upright.contracts;

import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;

/**
 * Reads a decoded integration event of an older version as the newest version of its type, so a consumer handles
 * one record per event and an old producer's records (still on the topic during a rolling upgrade, or in a replay)
 * take exactly the path a new one's do. Every consumer calls this; none writes its own upcast.
 */
public final class Upcasts {

    private Upcasts() {
    }

    /** The newest version of {@code payload}; a payload already at its newest (or not an event) as it is. */
    public static Object latest(Object payload) {
        if (payload instanceof ExerciseSessionCompleted v1) {
            return ExerciseSessionCompletedV2.from(v1);
        }
        return payload;
    }
}
