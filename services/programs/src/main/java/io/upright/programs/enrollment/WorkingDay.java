package io.upright.programs.enrollment;

import io.upright.platform.domain.FieldError;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** When an employee works: local start and end ({@code HH:mm}) in an IANA time zone. Breaks only come inside it. */
public record WorkingDay(String timeZone, String start, String end) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** @return what is wrong with the given values, named by field; empty when they make a working day */
    public static List<FieldError> problems(String timeZone, String start, String end) {
        List<FieldError> errors = new ArrayList<>();
        try {
            if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            } else {
                ZoneId.of(timeZone);
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        LocalTime from = parse(start, "workdayStart", errors);
        LocalTime to = parse(end, "workdayEnd", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("workdayEnd", "must be after workdayStart"));
        }
        return errors;
    }

    private static LocalTime parse(String value, String field, List<FieldError> errors) {
        try {
            if (value == null) {
                errors.add(new FieldError(field, "is required (HH:mm)"));
                return null;
            }
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a local time HH:mm"));
            return null;
        }
    }
}
