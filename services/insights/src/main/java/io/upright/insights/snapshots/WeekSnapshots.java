package io.upright.insights.snapshots;

import io.upright.insights.InsightsConfig;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.anonymity.WeeklyCells;
import io.upright.insights.anonymity.WeeklyCells.TeamWeek;
import io.upright.insights.facts.FactKind;
import io.upright.insights.settings.TenantSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Publishes a tenant's closed weeks, one immutable cell per team and week, and reads them back. A week is published
 * once (at the first read or scheduled round after {@link ClosedWeeks#publishableFrom}) with the tenant's k in
 * force then; its cells never change afterwards, whatever arrives later.
 */
@ApplicationScoped
public class WeekSnapshots {

    /** How far back a tenant's first publication reaches. */
    static final int MAX_WEEKS_BACK = 104;

    /** A published week and the k it was published with. */
    public record PublishedWeek(LocalDate week, int threshold, Instant publishedAt) {
    }

    /** One team's published cell; numbers of a suppressed cell are for adding up program cells only, never shown. */
    public record Cell(LocalDate week, UUID teamId, long enrolled, long active, long people, long assessed,
                       long assessmentsCompleted, long routinesRecommended, long remindersSent, long breaksTaken,
                       long breaksSnoozed, long breaksSkipped, long remindersExpired, long deliveryFailures,
                       long activeBreakMinutes, long employeeDays, long exerciseSessions, long exerciseMinutes,
                       boolean suppressed, String reason) {
        public Verdict verdict() {
            return suppressed ? new Verdict(true, reason) : Verdict.VISIBLE;
        }

        /** Nothing happened in it: it adds only zeros to any total. */
        public boolean empty() {
            return people == 0;
        }

        public static Cell empty(LocalDate week, UUID teamId, Verdict verdict) {
            return new Cell(week, teamId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, verdict.suppressed(), verdict.reason());
        }
    }

    private static final String ACTIONS = Arrays.stream(FactKind.values()).filter(FactKind::employeeAction)
            .map(k -> "'" + k.code() + "'").collect(Collectors.joining(", ", "(", ")"));

    /** Raw team-week figures of a tenant: events in the ISO week of their local date in the employee's zone. */
    private static final String RAW = """
            with members as (
                select m.employee_id, m.team_id, coalesce(m.time_zone, 'UTC') as tz,
                       (m.enrolled_at at time zone coalesce(m.time_zone, 'UTC'))::date as from_day,
                       (m.left_at at time zone coalesce(m.time_zone, 'UTC'))::date as to_day
                  from insights_member m
                 where m.tenant_id = ?
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
                -- identity-free facts of erased ids (Facts.forgetIdentity): counted for their team, never as a person;
                -- in their UTC week, since the person's zone came with their sealed enrolment, which a replay cannot read
                union all
                select f.team_id, w.week, null::uuid, false, f.kind, f.amount, f.day
                  from (select team_id, kind, amount, (occurred_at at time zone 'UTC')::date as day
                          from insights_fact where tenant_id = ? and employee_id is null and team_id is not null) f
                  join weeks w on f.day between w.week and w.week + 6
            )
            select team_id, week,
                   count(distinct employee_id) as enrolled,
                   count(distinct employee_id) filter (where kind in ACTIONS) as active,
                   -- identity-free facts make a cell describe someone (at least one more person), so it is never "empty"
                   count(distinct coalesce(employee_id::text, 'identity-free')) filter (where kind is not null) as people,
                   count(distinct employee_id) filter (where covered) as assessed,
                   count(*) filter (where kind = 'assessment-completed') as assessments_completed,
                   count(*) filter (where kind = 'routine-recommended') as routines_recommended,
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
             group by team_id, week
            """.replace("ACTIONS", ACTIONS);

    /** The first week anything of the tenant happened in (an enrolment, an event, a program's start). */
    private static final String FIRST_DAY = """
            select min(d) from (
                select min(enrolled_at)::date as d from insights_member where tenant_id = ?
                union all select min(occurred_at)::date from insights_fact where tenant_id = ?
                union all select min(starts_on) from insights_program where tenant_id = ?
            ) firsts
            """;

    private static final String TEAMS = """
            select team_id, max(name) from (
                select team_id, name from insights_team where tenant_id = ?
                union all select distinct team_id, null from insights_member where tenant_id = ?
                union all select distinct team_id, null from insights_program_team where tenant_id = ?
            ) t group by team_id
            """;

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    DataSource dataSource;

    @Inject
    TenantSettings settings;

    @Inject
    InsightsConfig config;

    @Inject
    Clock clock;

    /** The Monday of the latest week closed by now (it may be published). */
    public LocalDate lastClosed() {
        return ClosedWeeks.lastClosed(Instant.now(clock), config.snapshotGrace());
    }

    /** When the week starting {@code monday} is published. */
    public Instant publishableFrom(LocalDate monday) {
        return ClosedWeeks.publishableFrom(monday, config.snapshotGrace());
    }

    /** Publishes every closed week of the tenant not yet published; returns how many it published. */
    @Transactional
    public int publishClosedWeeks(String tenant) {
        // every dashboard read calls this, and nearly always nothing is due: look first, and take the tenant's lock
        // (which would queue concurrent readers behind each other) only when a week is to be published
        if (due(tenant).isEmpty()) {
            return 0;
        }
        SnapshotRows.lockTenant(dataSource, tenant);
        List<LocalDate> due = due(tenant); // again under the lock: another reader may have published them meanwhile
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, String> teams = teams(tenant);
        List<WeeklyCells.Whole> wholes = new ArrayList<>();
        Map<String, List<String>> programTeams = new LinkedHashMap<>();
        SnapshotRows.query(dataSource, "select program_id, team_id from insights_program_team where tenant_id = ? order by 1, 2",
                rs -> programTeams.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(rs.getString(2)), tenant);
        programTeams.forEach((program, members) -> wholes.add(new WeeklyCells.Whole(program, members)));

        Map<String, Cell> raw = new HashMap<>();
        SnapshotRows.query(dataSource, RAW, rs -> {
            LocalDate week = rs.getObject("week", LocalDate.class);
            UUID team = rs.getObject("team_id", UUID.class);
            raw.put(week + "|" + team, new Cell(week, team, rs.getLong("enrolled"), rs.getLong("active"),
                    rs.getLong("people"), rs.getLong("assessed"), rs.getLong("assessments_completed"),
                    rs.getLong("routines_recommended"), rs.getLong("reminders_sent"), rs.getLong("breaks_taken"),
                    rs.getLong("breaks_snoozed"), rs.getLong("breaks_skipped"), rs.getLong("reminders_expired"),
                    rs.getLong("delivery_failures"), rs.getLong("active_break_minutes"), rs.getLong("employee_days"),
                    rs.getLong("exercise_sessions"), rs.getLong("exercise_minutes"), false, null));
            return 1;
        }, tenant, Date.valueOf(due.get(0)), Date.valueOf(due.get(due.size() - 1)), tenant, tenant);

        AnonymityPolicy policy = settings.policyFor(tenant);
        WeeklyCells rules = new WeeklyCells(policy);
        Instant now = Instant.now(clock);
        for (LocalDate week : due) {
            List<TeamWeek> cells = new ArrayList<>();
            teams.forEach((team, name) -> {
                Cell cell = raw.get(week + "|" + team);
                cells.add(new TeamWeek(team.toString(), name, cell == null ? 0 : cell.active(), cell == null ? 0 : cell.people()));
            });
            Map<String, Verdict> verdicts = rules.publish(cells, wholes);
            insertWeek(tenant, week, now, policy.threshold());
            for (UUID team : teams.keySet()) {
                Verdict verdict = verdicts.get(team.toString());
                Cell cell = raw.getOrDefault(week + "|" + team, Cell.empty(week, team, verdict));
                insertCell(tenant, cell, verdict);
            }
        }
        readModelChanged.fire(new ReadModelChanged(tenant));
        return due.size();
    }

    /** The tenant's closed weeks not published yet, oldest first (at most {@code MAX_WEEKS_BACK} back). */
    private List<LocalDate> due(String tenant) {
        LocalDate last = lastClosed();
        List<LocalDate> firstDays = SnapshotRows.query(dataSource, FIRST_DAY,
                rs -> rs.getObject(1, LocalDate.class), tenant, tenant, tenant);
        if (firstDays.isEmpty() || firstDays.get(0) == null) {
            return List.of();
        }
        LocalDate first = ClosedWeeks.monday(firstDays.get(0));
        if (first.isBefore(last.minusWeeks(MAX_WEEKS_BACK))) {
            first = last.minusWeeks(MAX_WEEKS_BACK);
        }
        if (first.isAfter(last)) {
            return List.of();
        }
        Set<LocalDate> published = new HashSet<>();
        publishedWeeks(tenant).forEach(w -> published.add(w.week()));
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            if (!published.contains(w)) {
                due.add(w);
            }
        }
        return due;
    }

    /** Every published week of the tenant, oldest first. */
    public List<PublishedWeek> publishedWeeks(String tenant) {
        return SnapshotRows.query(dataSource, "select week, threshold, published_at from insights_published_week "
                        + "where tenant_id = ? order by week",
                rs -> new PublishedWeek(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getTimestamp(3).toInstant()), tenant);
    }

    /** The published cells of the tenant's weeks {@code from} to {@code to} (inclusive). */
    public List<Cell> cells(String tenant, LocalDate from, LocalDate to) {
        return SnapshotRows.query(dataSource, "select * from insights_week_cell where tenant_id = ? and week between ? and ?",
                rs -> new Cell(rs.getObject("week", LocalDate.class), rs.getObject("team_id", UUID.class),
                        rs.getLong("enrolled"), rs.getLong("active"), rs.getLong("people"), rs.getLong("assessed"),
                        rs.getLong("assessments_completed"), rs.getLong("routines_recommended"), rs.getLong("reminders_sent"),
                        rs.getLong("breaks_taken"), rs.getLong("breaks_snoozed"), rs.getLong("breaks_skipped"),
                        rs.getLong("reminders_expired"), rs.getLong("delivery_failures"), rs.getLong("active_break_minutes"),
                        rs.getLong("employee_days"), rs.getLong("exercise_sessions"), rs.getLong("exercise_minutes"),
                        rs.getBoolean("suppressed"), rs.getString("reason")),
                tenant, Date.valueOf(from), Date.valueOf(to));
    }

    /** Every team of the tenant (named or not yet), with its name where known. */
    public Map<UUID, String> teams(String tenant) {
        Map<UUID, String> teams = new LinkedHashMap<>();
        SnapshotRows.query(dataSource, TEAMS, rs -> teams.put(rs.getObject(1, UUID.class), rs.getString(2)), tenant, tenant, tenant);
        return teams;
    }

    /** Every tenant insights knows of: the scheduled round publishes for each. */
    public List<String> tenants() {
        return SnapshotRows.query(dataSource, "select tenant_id from insights_member union select tenant_id from insights_team",
                rs -> rs.getString(1));
    }

    private void insertWeek(String tenant, LocalDate week, Instant now, int threshold) {
        execute("insert into insights_published_week (tenant_id, week, published_at, threshold) values (?, ?, ?, ?)",
                tenant, Date.valueOf(week), Timestamp.from(now), threshold);
    }

    private void insertCell(String tenant, Cell c, Verdict verdict) {
        execute("insert into insights_week_cell (tenant_id, week, team_id, enrolled, active, people, assessed, "
                        + "assessments_completed, routines_recommended, reminders_sent, breaks_taken, breaks_snoozed, "
                        + "breaks_skipped, reminders_expired, delivery_failures, active_break_minutes, employee_days, "
                        + "exercise_sessions, exercise_minutes, suppressed, reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, Date.valueOf(c.week()), c.teamId(), c.enrolled(), c.active(), c.people(), c.assessed(),
                c.assessmentsCompleted(), c.routinesRecommended(), c.remindersSent(), c.breaksTaken(), c.breaksSnoozed(),
                c.breaksSkipped(), c.remindersExpired(), c.deliveryFailures(), c.activeBreakMinutes(), c.employeeDays(),
                c.exerciseSessions(), c.exerciseMinutes(), verdict.suppressed(), verdict.reason());
    }

    private void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SnapshotRows.bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish an insights week", e);
        }
    }
}
