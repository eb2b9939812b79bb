package io.upright.insights.personaldata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every row insights keeps under one pseudonymous id of one tenant, and nothing else: each query is keyed by
 * tenant and employee id, so nobody else's rows can appear. After {@code EmployeeErased} those rows carry a
 * random id, so the old id finds nothing.
 */
@ApplicationScoped
class PersonalRows {

    private static final String MEMBERSHIP = """
            select team_id as "teamId", enrolled_at as "enrolledAt", time_zone as "timeZone", left_at as "leftAt"
              from insights_member where tenant_id = ? and employee_id = ?
            """;

    // the week is the ISO week of the local date in the person's time zone, as the dashboard counts it
    private static final String FACTS = """
            select f.kind as "type", f.occurred_at as "occurredAt",
                   to_char((f.occurred_at at time zone coalesce(m.time_zone, 'UTC'))::date, 'IYYY-"W"IW') as "week",
                   f.amount as "minutes"
              from insights_fact f
              left join insights_member m on m.tenant_id = f.tenant_id and m.employee_id = f.employee_id
             where f.tenant_id = ? and f.employee_id = ?
             order by f.occurred_at, f.kind
            """;

    private static final String COUNTERS = """
            select assessments_completed as "assessmentsCompleted", routines_recommended as "routinesRecommended",
                   reminders_sent as "remindersSent", breaks_taken as "breaksTaken",
                   active_break_minutes as "activeBreakMinutes", exercise_sessions as "exerciseSessions",
                   exercise_minutes as "exerciseMinutes"
              from insights_employee_activity where tenant_id = ? and employee_id = ?
            """;

    private static final String LATEST_ASSESSMENT = """
            select assessment_id as "assessmentId", method, score, risk_level as "riskLevel",
                   finding_codes as "findingCodes", completed_at as "completedAt"
              from insights_latest_assessment where tenant_id = ? and employee_id = ?
            """;

    @Inject
    DataSource dataSource;

    Map<String, Object> about(String tenant, UUID employeeId) {
        Map<String, Object> data = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            data.put("teamMemberships", rows(c, MEMBERSHIP, tenant, employeeId));
            data.put("facts", rows(c, FACTS, tenant, employeeId));
            data.put("activityCounters", rows(c, COUNTERS, tenant, employeeId));
            data.put("latestAssessments", rows(c, LATEST_ASSESSMENT, tenant, employeeId));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the personal data export", e);
        }
        return data;
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, String tenant, UUID employeeId) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), plain(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** JSON-friendly values: instants as ISO-8601 text, arrays as lists. */
    private static Object plain(Object value) throws SQLException {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Array a) {
            return List.of((Object[]) a.getArray());
        }
        if (value instanceof UUID u) {
            return u.toString();
        }
        return value;
    }
}
