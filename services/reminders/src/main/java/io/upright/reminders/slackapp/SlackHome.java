package io.upright.reminders.slackapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.schedule.ScheduleRecord;
import io.upright.reminders.stats.BreakStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the employee sees of their own breaks in Slack: the App Home tab and the answers of {@code /upright stats}.
 * Both are theirs alone (a Home tab and an ephemeral answer are shown to that member only), so they may say how the
 * person is doing; they still say nothing of their assessment, which stays behind their own sign-in.
 */
@ApplicationScoped
public class SlackHome {

    static final String PAUSE_HOUR = "home-pause-60";
    static final String PAUSE_TODAY = "home-pause-today";
    static final String RESUME = "home-resume";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

    @Inject
    Clock clock;

    @Inject
    BreakStats stats;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Where the person stands today and this week. */
    public record Summary(String timeZone, Instant pausedUntil, Instant nextReminder, int takenToday, int minutesToday,
                          int minutesThisWeek, Integer dailyTarget, int daysSoFar) {
    }

    /** Empty when the employee has no schedule (not enrolled, or they left). */
    public Optional<Summary> summary(String tenant, UUID employeeId) {
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", tenant, employeeId).firstResult();
        if (schedule == null || !"active".equals(schedule.status)) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(schedule.timeZone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // the week so far: from Monday (or today, on a Monday) to today
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        BreakStats.Stats week = stats.of(tenant, employeeId, monday.toString(), today.toString());
        int minutesThisWeek = week.days().stream().mapToInt(BreakStats.Day::activeMinutes).sum();
        BreakStats.Day todays = week.days().isEmpty() ? null : week.days().get(week.days().size() - 1);
        Instant now = Instant.now(clock);
        Instant paused = schedule.pausedUntil != null && schedule.pausedUntil.isAfter(now) ? schedule.pausedUntil : null;
        return Optional.of(new Summary(schedule.timeZone, paused, nextReminder(tenant, employeeId),
                todays == null ? 0 : todays.taken(), todays == null ? 0 : todays.activeMinutes(), minutesThisWeek,
                week.dailyActiveMinutesTarget(), week.days().size()));
    }

    /** The App Home view ({@code views.publish}), as JSON. */
    public String homeView(Optional<Summary> summary) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain("Your breaks")));
        if (summary.isEmpty()) {
            blocks.add(section("You are not in an Upright program yet, so there are no break reminders to show. "
                    + "Your HR team adds people to programs."));
        } else {
            Summary s = summary.get();
            for (String line : lines(s)) {
                blocks.add(section(line));
            }
            blocks.add(Map.of("type", "actions", "block_id", "upright-home", "elements", List.of(
                    button(PAUSE_HOUR, "Pause 1 hour"), button(PAUSE_TODAY, "Pause until tomorrow"), button(RESUME, "Resume"))));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "Only you see this tab. What each break suggests to you is in Upright, behind your own sign-in; "
                        + "type `/upright help` for commands."))));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "home");
        view.put("blocks", blocks);
        return write(view);
    }

    /** The same facts as plain sentences, for {@code /upright stats}. */
    public List<String> lines(Summary s) {
        ZoneId zone = ZoneId.of(s.timeZone());
        List<String> lines = new ArrayList<>();
        if (s.pausedUntil() != null) {
            lines.add("Reminders are paused until " + DAY_AND_TIME.format(s.pausedUntil().atZone(zone)) + ".");
        } else if (s.nextReminder() != null) {
            lines.add("Next break reminder: " + CLOCK_TIME.format(s.nextReminder().atZone(zone)) + ".");
        } else {
            lines.add("No break reminder is planned right now (outside your working hours, or your program is paused).");
        }
        lines.add("Today: " + s.takenToday() + (s.takenToday() == 1 ? " break" : " breaks") + " taken, "
                + s.minutesToday() + " active minutes.");
        if (s.dailyTarget() == null) {
            lines.add("This week: " + s.minutesThisWeek() + " active minutes (no daily target is set for you).");
        } else {
            int weekTarget = s.dailyTarget() * s.daysSoFar();
            lines.add("This week: " + s.minutesThisWeek() + " of " + weekTarget + " active minutes (target "
                    + s.dailyTarget() + " a day).");
        }
        return lines;
    }

    private Instant nextReminder(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select min(due_at) from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and status = 'pending' and kind not in ('assessment-nudge', 'sitting-check-in')")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the next reminder", e);
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> section(String text) {
        return Map.of("type", "section", "text", plain(text));
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }

    private static Map<String, Object> button(String actionId, String label) {
        return Map.of("type", "button", "action_id", actionId, "text", plain(label), "value", actionId);
    }
}
