package io.upright.exercises.catalogue;

/**
 * How an exercise is dosed, in timed steps, so its length is computed rather than typed: getting into position
 * ({@code setupSeconds}), then {@code sets} × {@code sides} blocks of {@code reps} repetitions lasting
 * {@code secondsPerRep} each, with {@code restSeconds} between blocks. A hold is one repetition lasting the hold;
 * a walk is one repetition lasting the walk. Typed lengths drifted from the steps (bird-dog was written as 90 s
 * for 8 slow holds per side); computing them keeps routine lengths honest.
 */
public record Dose(int setupSeconds, int sets, int sides, int reps, int secondsPerRep, int restSeconds) {

    /** Setup, every repetition on every side of every set, and a rest between consecutive blocks. */
    public int totalSeconds() {
        int blocks = sets * sides;
        return setupSeconds + blocks * reps * secondsPerRep + Math.max(0, blocks - 1) * restSeconds;
    }

    /** True when every part is in range: at least one set, side (at most two), repetition and second. */
    public boolean valid() {
        return setupSeconds >= 0 && restSeconds >= 0 && sets >= 1 && sides >= 1 && sides <= 2 && reps >= 1
                && secondsPerRep >= 1;
    }
}
