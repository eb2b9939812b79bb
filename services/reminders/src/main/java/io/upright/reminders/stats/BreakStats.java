package io.upright.reminders.stats;

import io.upright.platform.domain.FieldError;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.schedule.EmployeePrograms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An employee's own break statistics over local dates in their zone: how their reminders were answered, and active
 * minutes (from Done answers) per day against their program phase's daily target.
 */
@ApplicationScoped
public class BreakStats {

    @Inject
    Clock clock;

    public static final int MAX_DAYS = 92;
    static final int DEFAULT_DAYS = 7;

    @Inject
    DataSource dataSource;

    @Inject
    EmployeePrograms programs;

    public record Day(LocalDate date, int activeMinutes, int taken, Boolean targetMet) {
    }

    public record Stats(LocalDate from, LocalDate to, String timeZone, int taken, int snoozed, int skipped, int expired,
                        Integer dailyActiveMinutesTarget, List<Day> days) {
    }

    public Stats of(String tenant, UUID employeeId, String fromParam, String toParam) {
        String zoneName = zoneOf(tenant, employeeId);
        ZoneId zone = ZoneId.of(zoneName);
        List<FieldError> errors = new ArrayList<>();
        LocalDate to = date("to", toParam, LocalDate.now(clock.withZone(zone)), errors);
        LocalDate from = date("from", fromParam, to == null ? null : to.minusDays(DEFAULT_DAYS - 1), errors);
        if (errors.isEmpty()) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add(new FieldError("from", "the range may cover at most " + MAX_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<LocalDate, int[]> perDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new int[2]);
        }
        int taken = 0;
        int snoozed = 0;
        int skipped = 0;
        int expired = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select slot, status, answer, active_minutes, snoozed_until from due_reminder "
                     + "where tenant_id = ? and employee_id = ? and slot >= ? and slot < ? and kind not in ('assessment-nudge', 'sitting-check-in')")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setTimestamp(3, Timestamp.from(from.atStartOfDay(zone).toInstant()));
            ps.setTimestamp(4, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate();
                    String answer = rs.getString(3);
                    if (rs.getTimestamp(5) != null) {
                        snoozed++;
                    }
                    if ("expired".equals(rs.getString(2))) {
                        expired++;
                    }
                    if ("skip".equals(answer)) {
                        skipped++;
                    }
                    if ("done".equals(answer)) {
                        taken++;
                        int[] counts = perDay.get(day);
                        if (counts != null) {
                            counts[0] += rs.getInt(4);
                            counts[1]++;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read break statistics", e);
        }
        Integer target = programs.ofEmployee(tenant, employeeId).map(EmployeePrograms.ProgramState::dailyActiveMinutesTarget).orElse(null);
        List<Day> days = new ArrayList<>();
        perDay.forEach((date, counts) -> days.add(new Day(date, counts[0], counts[1], target == null ? null : counts[0] >= target)));
        return new Stats(from, to, zoneName, taken, snoozed, skipped, expired, target, days);
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date yyyy-MM-dd"));
            return null;
        }
    }

    private String zoneOf(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select time_zone from schedule where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("A reminder schedule for you");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schedule", e);
        }
    }
}
