package io.upright.reminders.schedule;

import java.time.LocalTime;

/** A local time window {@code [start, end)} as {@code HH:mm} strings (the wire and storage form). */
public record Window(String start, String end) {

    public LocalTime startTime() {
        return LocalTime.parse(start);
    }

    public LocalTime endTime() {
        return LocalTime.parse(end);
    }
}
