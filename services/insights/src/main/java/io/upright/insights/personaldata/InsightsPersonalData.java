package io.upright.insights.personaldata;

import io.upright.platform.personaldata.ExportRows;
import io.upright.platform.personaldata.PersonalDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Insights' part of an employee's data export, and the only read of this service about one person: every row
 * insights keeps under one pseudonymous id of one tenant, and nothing else: each query is keyed by
 * tenant and employee id, so nobody else's rows can appear. After {@code EmployeeErased} those rows are deleted or
 * identity-free ({@link InsightsErasure}), so the old id finds nothing.
 */
@ApplicationScoped
public class InsightsPersonalData implements PersonalDataPart {

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

    // the newest report per period, as the sitting outcomes use them; the team is insights' membership, exported above
    private static final String SITTING_REPORTS = """
            select period, questionnaire_version as "questionnaireVersion",
                   minutes_worked_per_workday as "minutesWorkedPerWorkday", sitting_minutes as "sittingMinutes",
                   standing_minutes as "standingMinutes", walking_minutes as "walkingMinutes",
                   heavy_labour_minutes as "heavyLabourMinutes", days_worked as "daysWorked", reported_at as "reportedAt"
              from insights_sitting_report where tenant_id = ? and employee_id = ?
             order by reported_at, period
            """;

    // which published figures counted the person: they answered that period's check-in, so it goes to them only
    private static final String PUBLISHED_OUTCOMES = """
            select program_id as "programId", period, group_key as "figure"
              from insights_outcome_contributor where tenant_id = ? and employee_id = ?
             order by program_id, period, group_key
            """;

    @Inject
    DataSource dataSource;

    @Override
    public String service() {
        return "insights";
    }

    @Override
    public Map<String, Object> export(String tenant, UUID employeeId) {
        Map<String, Object> data = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            data.put("teamMemberships", ExportRows.of(c, MEMBERSHIP, tenant, employeeId));
            data.put("facts", ExportRows.of(c, FACTS, tenant, employeeId));
            data.put("activityCounters", ExportRows.of(c, COUNTERS, tenant, employeeId));
            data.put("latestAssessments", ExportRows.of(c, LATEST_ASSESSMENT, tenant, employeeId));
            data.put("sittingReports", ExportRows.of(c, SITTING_REPORTS, tenant, employeeId));
            data.put("publishedSittingOutcomes", ExportRows.of(c, PUBLISHED_OUTCOMES, tenant, employeeId));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the personal data export", e);
        }
        return data;
    }

    /**
     * Health data, for the employee's own export only: their latest assessment as insights keeps it (method, score,
     * risk level and findings), their sitting reports (assessments treats the same answers as health data), and the
     * published outcome figures that counted them (which would tell an admin who answered a check-in).
     */
    @Override
    public Set<String> healthFields() {
        return Set.of("latestAssessments", "sittingReports", "publishedSittingOutcomes");
    }
}
