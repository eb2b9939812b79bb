package io.upright.reminders.teambreak;

import io.upright.platform.domain.FieldError;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.schedule.ReminderChain;
import io.upright.reminders.schedule.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Team break slots: an admin sets a daily local time for a team; every member whose own working hours (and lunch,
 * quiet windows, pause) allow that instant gets a {@code team-break} reminder then, all at the same moment. Slots
 * are queued up to a day ahead, once per member and instant (dedupe key), by whichever engine plans first.
 */
@ApplicationScoped
public class TeamBreaks {

    @Inject
    Clock clock;

    /** How far ahead team breaks are queued. */
    static final Duration HORIZON = Duration.ofHours(24);
    /** A team break is worth sending for ten minutes, like any break. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    @Inject
    DataSource dataSource;

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    Schedules schedules;

    public record TeamBreak(UUID teamId, String localTime, String timeZone, Instant updatedAt, long version) {
    }

    @Transactional
    public TeamBreak set(String tenant, UUID teamId, String localTime, String timeZone) {
        List<FieldError> errors = new ArrayList<>();
        if (localTime == null || !localTime.matches("\\d{2}:\\d{2}") || parses(localTime) == null) {
            errors.add(new FieldError("localTime", "must be a local time HH:mm"));
        }
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now(clock);
        execute("insert into team_break (tenant_id, team_id, local_time, time_zone, updated_at, version) values (?, ?, ?, ?, ?, 1) "
                        + "on conflict (tenant_id, team_id) do update set local_time = excluded.local_time, "
                        + "time_zone = excluded.time_zone, updated_at = excluded.updated_at, version = team_break.version + 1",
                tenant, teamId, localTime, timeZone, Timestamp.from(now));
        cancelQueued(tenant, teamId); // a changed time replaces the slots queued for the old one
        TeamBreak saved = get(tenant, teamId).orElseThrow();
        plan(tenant, saved, now);
        return saved;
    }

    @Transactional
    public void remove(String tenant, UUID teamId) {
        if (execute("delete from team_break where tenant_id = ? and team_id = ?", tenant, teamId) == 0) {
            throw ProblemException.notFound("Team break of team " + teamId);
        }
        cancelQueued(tenant, teamId);
    }

    public Optional<TeamBreak> get(String tenant, UUID teamId) {
        List<TeamBreak> found = query("select team_id, local_time, time_zone, updated_at, version from team_break "
                + "where tenant_id = ? and team_id = ?", tenant, teamId);
        return found.stream().findFirst();
    }

    public List<TeamBreak> list(String tenant) {
        return query("select team_id, local_time, time_zone, updated_at, version from team_break where tenant_id = ? "
                + "order by updated_at, team_id", tenant);
    }

    /** Queues the next day of every tenant's team breaks; run periodically by {@link TeamBreakPlanning}. */
    @Transactional
    public int planAll(Instant now) {
        List<Object[]> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, team_id, local_time, time_zone, updated_at, version from team_break")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Object[]{rs.getString(1), new TeamBreak(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getLong(6))});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read team breaks", e);
        }
        int queued = 0;
        for (Object[] row : all) {
            queued += plan((String) row[0], (TeamBreak) row[1], now);
        }
        return queued;
    }

    private int plan(String tenant, TeamBreak teamBreak, Instant now) {
        List<Instant> times = TeamBreakTimes.between(LocalTime.parse(teamBreak.localTime()), ZoneId.of(teamBreak.timeZone()), now, HORIZON);
        int queued = 0;
        for (UUID member : schedules.activeMembers(tenant, List.of(teamBreak.teamId()))) {
            Optional<ReminderChain.Planned> planned = chain.scheduleOf(tenant, member);
            if (planned.isEmpty()) {
                continue; // their program is paused or ended
            }
            for (Instant at : times) {
                if (planned.get().breaks().allows(at) && queue.queue(tenant, member, at, at.plus(TIME_TO_LIVE),
                        ReminderKind.TEAM_BREAK, member + "@" + at + "#team-break", null, null)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private void cancelQueued(String tenant, UUID teamId) {
        List<UUID> members = schedules.activeMembers(tenant, List.of(teamId));
        if (members.isEmpty()) {
            return;
        }
        queue.cancelTeamBreaks(tenant, members);
    }

    private static LocalTime parses(String value) {
        try {
            return LocalTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private List<TeamBreak> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<TeamBreak> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new TeamBreak(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getLong(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read team breaks", e);
        }
    }

    private int execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the team break", e);
        }
    }
}
