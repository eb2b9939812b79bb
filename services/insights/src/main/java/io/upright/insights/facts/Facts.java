package io.upright.insights.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the facts insights keeps, per tenant and per pseudonymous employee: teams, memberships, counters,
 * latest assessments and one row per event. Runs inside the consumer's transaction, after the inbox accepted the record, so every write happens exactly once per event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Facts {

    /** The per-employee counters; a closed list, so a column name never comes from outside. */
    public enum Counter {
        ASSESSMENTS_COMPLETED("assessments_completed"),
        ROUTINES_RECOMMENDED("routines_recommended"),
        REMINDERS_SENT("reminders_sent"),
        BREAKS_TAKEN("breaks_taken"),
        ACTIVE_BREAK_MINUTES("active_break_minutes"),
        EXERCISE_SESSIONS("exercise_sessions"),
        EXERCISE_MINUTES("exercise_minutes");

        private final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public void team(String tenant, UUID teamId, String name, Instant createdAt) {
        update("insert into insights_team (tenant_id, team_id, name, created_at) values (?, ?, ?, ?) "
                        + "on conflict (tenant_id, team_id) do update set name = excluded.name",
                tenant, teamId, name, timestamp(createdAt));
    }

    /**
     * The latest enrolment wins, so a move to another team (or a late duplicate) settles on the newest; it also
     * clears an earlier departure and records the time zone that decides which local day an event falls on.
     */
    public void membership(String tenant, UUID employeeId, UUID teamId, String timeZone, Instant enrolledAt) {
        // an erased id has no membership (a replay, which applies erasures last, deletes it); EmployeeEnrolled is
        // sealed, so this only guards records published before sealing existed
        if (erased(tenant, employeeId)) {
            return;
        }
        update("insert into insights_member (tenant_id, employee_id, team_id, enrolled_at, time_zone) values (?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id, employee_id) do update set team_id = excluded.team_id, "
                        + "enrolled_at = excluded.enrolled_at, time_zone = excluded.time_zone, left_at = null "
                        + "where insights_member.enrolled_at <= excluded.enrolled_at",
                tenant, employeeId, teamId, timestamp(enrolledAt), validZone(timeZone));
    }

    /** A departure only counts when it is not older than the enrolment it ends. */
    public void left(String tenant, UUID employeeId, Instant leftAt) {
        update("update insights_member set left_at = ? where tenant_id = ? and employee_id = ? and enrolled_at <= ?",
                timestamp(leftAt), tenant, employeeId, timestamp(leftAt));
    }

    /**
     * One event about one employee; the kind names what happened, amount carries minutes where that applies. A fact
     * of an id erased before it arrived (topics have no order between them) goes through {@link #forgetIdentity} at
     * once, exactly as the facts the erasure found did (a plain one becomes identity-free, a sealed one goes), so live
     * and replayed rows agree whatever came first.
     *
     * @return whether this fact is new (a fact already recorded under the same id changes nothing)
     */
    public boolean fact(String tenant, String eventId, FactKind kind, UUID employeeId, Instant occurredAt, int amount) {
        boolean added = 1 == update("insert into insights_fact (tenant_id, event_id, kind, employee_id, occurred_at, amount) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                tenant, eventId, kind.code(), employeeId, timestamp(occurredAt), Math.max(0, amount));
        if (added && erased(tenant, employeeId)) {
            forgetIdentity(tenant, employeeId);
        }
        return added;
    }

    /**
     * Keeps a tombstone for an erased id: the team the person was in (from the membership, live) and the event's
     * erasure time. A tombstone already there wins: tombstones outlive replays, which can no longer open the sealed
     * enrolment and so would know no team.
     */
    public void tombstone(String tenant, UUID employeeId, UUID teamId, Instant erasedAt) {
        update("insert into insights_erased_employee (tenant_id, employee_id, team_id, erased_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing",
                tenant, employeeId, teamId, erasedAt == null ? null : Timestamp.from(erasedAt));
    }

    /** The team of a member as insights knows it (null when not a member here). */
    public UUID teamOf(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select team_id from insights_member where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the member's team", e);
        }
    }

    /**
     * What an erased id's facts become, at the erasure and for every fact of the id arriving after it: the facts of
     * sealed events are deleted (a replay cannot open those events any more, so it never has them), the facts of
     * plain events become identity-free: no employee id, the tombstone's team. The erasure and a late fact both come
     * here, so both orders give the same rows as a replay, which applies erasures last.
     */
    public void forgetIdentity(String tenant, UUID employeeId) {
        update("delete from insights_fact f where f.tenant_id = ? and f.employee_id = ? and f.kind in " + FactKind.sealedCodesSql()
                        + " and exists (select 1 from insights_erased_employee t where t.tenant_id = f.tenant_id and t.employee_id = f.employee_id)",
                tenant, employeeId);
        update("""
                update insights_fact f
                   set employee_id = null, team_id = t.team_id
                  from insights_erased_employee t
                 where f.tenant_id = ? and f.employee_id = ? and t.tenant_id = f.tenant_id and t.employee_id = f.employee_id
                """, tenant, employeeId);
    }

    /** Whether the id was erased (it has a tombstone). */
    public boolean erased(String tenant, UUID employeeId) {
        if (employeeId == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select 1 from insights_erased_employee where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the insights tombstones", e);
        }
    }

    /** An unknown zone would break every weekly query, so it is stored as null (read as UTC). */
    private static String validZone(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return java.time.ZoneId.of(zone).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public void add(String tenant, UUID employeeId, Counter counter, int amount) {
        // an erased id keeps no counters: the erasure deletes its row, and a replay (erasures last) deletes whatever
        // a record arriving after the erasure would have added, so live adds nothing either
        if (erased(tenant, employeeId)) {
            return;
        }
        update("insert into insights_employee_activity (tenant_id, employee_id, " + counter.column + ") values (?, ?, ?) "
                        + "on conflict (tenant_id, employee_id) do update set " + counter.column + " = "
                        + "insights_employee_activity." + counter.column + " + excluded." + counter.column,
                tenant, employeeId, amount);
    }

    /**
     * Keeps only the employee's most recent assessment, whatever order assessments arrive in, so risk levels
     * and findings count each person once.
     */
    public void assessment(String tenant, UUID employeeId, UUID assessmentId, String method, int score, String riskLevel,
                           List<String> findingCodes, Instant completedAt) {
        // an erased id keeps no latest assessment (the erasure deletes it, as a replay does); an AssessmentCompleted is
        // sealed for the employee, so after an erasure it opens as ErasedEmployeeEvent live and on a replay alike, and
        // this only skips records published before sealing existed
        if (erased(tenant, employeeId)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into insights_latest_assessment "
                             + "(tenant_id, employee_id, assessment_id, risk_level, finding_codes, completed_at, method, score) "
                             + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, employee_id) do update set "
                             + "assessment_id = excluded.assessment_id, risk_level = excluded.risk_level, "
                             + "method = excluded.method, score = excluded.score, "
                             + "finding_codes = excluded.finding_codes, completed_at = excluded.completed_at "
                             + "where (insights_latest_assessment.completed_at, insights_latest_assessment.assessment_id) "
                             + "< (excluded.completed_at, excluded.assessment_id)")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setObject(3, assessmentId);
            ps.setString(4, riskLevel);
            ps.setArray(5, c.createArrayOf("text", findingCodes.stream().distinct().toArray()));
            ps.setTimestamp(6, timestamp(completedAt));
            ps.setString(7, method);
            ps.setInt(8, score);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record an assessment fact", e);
        }
    }

    private int update(String sql, Object... values) {
        return ReadModelRows.update(dataSource, sql, values);
    }

    /** An event without its instant counts as happening when it is applied. */
    private Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant == null ? Instant.now(clock) : instant);
    }
}
