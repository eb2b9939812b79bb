package io.upright.contracts.reminders;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/** The employee answered a reminder with Done: what they did ({@code stand}, {@code walk}, {@code stretch}, {@code routine}) and for how long;
 * {@code routineId} names the suggested routine when the activity is {@code routine}, otherwise it is null. */
public record BreakTaken(
        UUID reminderId,
        UUID employeeId,
        String activity,
        int activeMinutes,
        String routineId,
        Instant takenAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
