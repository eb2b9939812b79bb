package io.upright.insights.programs;

import io.upright.insights.facts.FactKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Raw, unsuppressed figures of one program, straight from the fact rows. Weeks and teams are attributed here, at
 * read time: an event's week is the ISO week of its local date in the employee's time zone (UTC when unknown).
 * Nothing read here leaves the service before {@link ProgramInsights} ran it through the anonymity rules.
 */
@ApplicationScoped
class ProgramQueries {

    record ProgramRow(UUID programId, String title, String status, LocalDate startsOn, Integer currentPhase,
                      Instant launchedAt, Instant endedAt, int teams) {
    }

    record PhaseRow(int number, int startWeek, int breakEveryMinutes, int dailyActiveMinutesTarget) {
    }

    record TeamRow(UUID teamId, String name) {
    }

    /** One group of the weekly figures: a team-week, a team over all weeks (week null), a week over all teams (team null), or all. */
    record Counts(UUID teamId, LocalDate week, boolean allTeams, boolean allWeeks, long enrolled, long active,
                  long assessed, long assessmentsCompleted, long remindersSent, long breaksTaken, long breaksSnoozed,
                  long breaksSkipped, long remindersExpired, long deliveryFailures, long activeBreakMinutes,
                  long employeeDays, long exerciseSessions, long exerciseMinutes) {
    }

    /** One current member's latest assessment. */
    record LatestAssessment(UUID teamId, String method, Integer score, String riskLevel, List<String> findingCodes) {
    }

    private static final String ACTIONS = Arrays.stream(FactKind.values()).filter(FactKind::employeeAction)
            .map(k -> "'" + k.code() + "'").collect(Collectors.joining(", ", "(", ")"));

    private static final String PROGRAMS = """
            select p.program_id, p.title, p.status, p.starts_on, p.current_phase, p.launched_at, p.ended_at,
                   (select count(*) from insights_program_team t where t.tenant_id = p.tenant_id and t.program_id = p.program_id) as teams
              from insights_program p
             where p.tenant_id = ?
            """;

    private static final String WEEKLY = """
            with members as (
                select m.employee_id, m.team_id, coalesce(m.time_zone, 'UTC') as tz,
                       (m.enrolled_at at time zone coalesce(m.time_zone, 'UTC'))::date as from_day,
                       (m.left_at at time zone coalesce(m.time_zone, 'UTC'))::date as to_day
                  from insights_member m
                  join insights_program_team pt on pt.tenant_id = m.tenant_id and pt.team_id = m.team_id
                 where m.tenant_id = ? and pt.program_id = ?
            ), weeks as (
                select d::date as week from generate_series(?::date, ?::date, interval '7 days') as d
            ), membership as (
                select mb.employee_id, mb.team_id, mb.tz, w.week
                  from members mb
                  join weeks w on mb.from_day <= w.week + 6 and (mb.to_day is null or mb.to_day >= w.week)
            ), facts as (
                select f.employee_id, f.kind, f.amount, (f.occurred_at at time zone mb.tz)::date as day
                  from insights_fact f
                  join members mb on mb.employee_id = f.employee_id
                 where f.tenant_id = ?
            ), assessed as (
                select employee_id, min(day) as first_day from facts where kind = 'assessment-completed' group by employee_id
            ), cells as (
                select ms.team_id, ms.week, ms.employee_id,
                       (a.first_day is not null and a.first_day <= ms.week + 6) as covered,
                       fa.kind, fa.amount, fa.day
                  from membership ms
                  left join assessed a on a.employee_id = ms.employee_id
                  left join facts fa on fa.employee_id = ms.employee_id and fa.day between ms.week and ms.week + 6
            )
            select team_id, week, grouping(team_id) as all_teams, grouping(week) as all_weeks,
                   count(distinct employee_id) as enrolled,
                   count(distinct employee_id) filter (where kind in ACTIONS) as active,
                   count(distinct employee_id) filter (where covered) as assessed,
                   count(*) filter (where kind = 'assessment-completed') as assessments_completed,
                   count(*) filter (where kind = 'reminder-sent') as reminders_sent,
                   count(*) filter (where kind = 'break-taken') as breaks_taken,
                   count(*) filter (where kind = 'break-snoozed') as breaks_snoozed,
                   count(*) filter (where kind = 'break-skipped') as breaks_skipped,
                   count(*) filter (where kind = 'reminder-expired') as reminders_expired,
                   count(*) filter (where kind = 'delivery-failed') as delivery_failures,
                   coalesce(sum(amount) filter (where kind = 'break-taken'), 0) as active_break_minutes,
                   count(distinct employee_id::text || '/' || day::text) filter (where kind in ACTIONS) as employee_days,
                   count(*) filter (where kind = 'exercise-session') as exercise_sessions,
                   coalesce(sum(amount) filter (where kind = 'exercise-session'), 0) as exercise_minutes
              from cells
             group by grouping sets ((team_id, week), (team_id), (week), ())
            """.replace("ACTIONS", ACTIONS);

    private static final String LATEST = """
            select m.team_id, l.method, l.score, l.risk_level, l.finding_codes
              from insights_member m
              join insights_program_team pt on pt.tenant_id = m.tenant_id and pt.team_id = m.team_id
              join insights_latest_assessment l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
             where m.tenant_id = ? and pt.program_id = ? and m.left_at is null
            """;

    private static final String ASSESSED_PER_TEAM = """
            select m.team_id, t.name, count(*) as assessed
              from insights_member m
              join insights_latest_assessment l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
              left join insights_team t on t.tenant_id = m.tenant_id and t.team_id = m.team_id
             where m.tenant_id = ? and m.left_at is null
             group by m.team_id, t.name
            """;

    /** Current members of a team with a latest assessment: the people a team's risk row describes. */
    record AssessedTeam(UUID teamId, String name, long assessed) {
    }

    /** A program and one of its teams. */
    record ProgramTeam(UUID programId, UUID teamId) {
    }

    @Inject
    DataSource dataSource;

    List<AssessedTeam> assessedPerTeam(String tenant) {
        return query(ASSESSED_PER_TEAM, rs -> new AssessedTeam(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)), tenant);
    }

    List<ProgramTeam> programTeams(String tenant) {
        return query("select program_id, team_id from insights_program_team where tenant_id = ?",
                rs -> new ProgramTeam(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), tenant);
    }

    List<ProgramRow> programs(String tenant) {
        return query(PROGRAMS, rs -> new ProgramRow(rs.getObject("program_id", UUID.class), rs.getString("title"),
                rs.getString("status"), rs.getObject("starts_on", LocalDate.class), (Integer) rs.getObject("current_phase"),
                instant(rs.getTimestamp("launched_at")), instant(rs.getTimestamp("ended_at")), rs.getInt("teams")), tenant);
    }

    Optional<ProgramRow> program(String tenant, UUID programId) {
        return programs(tenant).stream().filter(p -> p.programId().equals(programId)).findFirst();
    }

    List<PhaseRow> phases(String tenant, UUID programId) {
        return query("select number, start_week, break_every_minutes, daily_active_minutes_target from insights_program_phase "
                        + "where tenant_id = ? and program_id = ? order by start_week, number",
                rs -> new PhaseRow(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), tenant, programId);
    }

    /** The program's teams; a team whose TeamCreated has not arrived yet has no name. */
    List<TeamRow> teams(String tenant, UUID programId) {
        return query("select pt.team_id, t.name from insights_program_team pt left join insights_team t "
                        + "on t.tenant_id = pt.tenant_id and t.team_id = pt.team_id where pt.tenant_id = ? and pt.program_id = ?",
                rs -> new TeamRow(rs.getObject(1, UUID.class), rs.getString(2)), tenant, programId);
    }

    List<Counts> weekly(String tenant, UUID programId, LocalDate firstWeek, LocalDate lastWeek) {
        return query(WEEKLY, rs -> new Counts(rs.getObject("team_id", UUID.class), rs.getObject("week", LocalDate.class),
                rs.getInt("all_teams") == 1, rs.getInt("all_weeks") == 1, rs.getLong("enrolled"), rs.getLong("active"),
                rs.getLong("assessed"), rs.getLong("assessments_completed"), rs.getLong("reminders_sent"),
                rs.getLong("breaks_taken"), rs.getLong("breaks_snoozed"), rs.getLong("breaks_skipped"),
                rs.getLong("reminders_expired"), rs.getLong("delivery_failures"), rs.getLong("active_break_minutes"),
                rs.getLong("employee_days"), rs.getLong("exercise_sessions"), rs.getLong("exercise_minutes")),
                tenant, programId, Date.valueOf(firstWeek), Date.valueOf(lastWeek), tenant);
    }

    List<LatestAssessment> latestAssessments(String tenant, UUID programId) {
        return query(LATEST, rs -> {
            Array codes = rs.getArray("finding_codes");
            List<String> findings = codes == null ? List.of() : List.of((String[]) codes.getArray());
            return new LatestAssessment(rs.getObject("team_id", UUID.class), rs.getString("method"),
                    (Integer) rs.getObject("score"), rs.getString("risk_level"), findings);
        }, tenant, programId);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read program insights", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
