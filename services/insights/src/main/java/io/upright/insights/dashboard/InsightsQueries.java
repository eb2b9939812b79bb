package io.upright.insights.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one tenant's team figures, over the teams' current members (someone who left no longer counts). Facts are joined to teams through the membership table here, at query
 * time, so facts that arrived before an employee's enrolment are counted as soon as it arrives.
 */
@ApplicationScoped
class InsightsQueries {

    private static final String TEAM_TOTALS = """
            select t.team_id, t.name, count(m.employee_id) as enrolled,
                   coalesce(sum(a.assessments_completed), 0) as assessments_completed,
                   coalesce(sum(a.routines_recommended), 0)  as routines_recommended,
                   coalesce(sum(a.reminders_sent), 0)        as reminders_sent,
                   coalesce(sum(a.breaks_taken), 0)          as breaks_taken,
                   coalesce(sum(a.active_break_minutes), 0)  as active_break_minutes,
                   coalesce(sum(a.exercise_sessions), 0)     as exercise_sessions,
                   coalesce(sum(a.exercise_minutes), 0)      as exercise_minutes
              from insights_team t
              left join insights_member m on m.tenant_id = t.tenant_id and m.team_id = t.team_id and m.left_at is null
              left join insights_employee_activity a on a.tenant_id = m.tenant_id and a.employee_id = m.employee_id
             where t.tenant_id = ?
             group by t.team_id, t.name
            """;

    private static final String LATEST_RISK_LEVELS = """
            select m.team_id, l.risk_level as item, count(*) as people
              from insights_member m
              join insights_latest_assessment l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
             where m.tenant_id = ? and m.left_at is null
             group by m.team_id, l.risk_level
            """;

    private static final String LATEST_FINDINGS = """
            select m.team_id, f.code as item, count(*) as people
              from insights_member m
              join insights_latest_assessment l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
              cross join lateral unnest(l.finding_codes) as f(code)
             where m.tenant_id = ? and m.left_at is null
             group by m.team_id, f.code
            """;

    @Inject
    DataSource dataSource;

    List<TeamFigures> teams(String tenant) {
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Map<String, Long>> risks = countsPerTeam(c, LATEST_RISK_LEVELS, tenant);
            Map<UUID, Map<String, Long>> findings = countsPerTeam(c, LATEST_FINDINGS, tenant);
            List<TeamFigures> teams = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(TEAM_TOTALS)) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID teamId = rs.getObject("team_id", UUID.class);
                        teams.add(new TeamFigures(teamId, rs.getString("name"), rs.getLong("enrolled"),
                                rs.getLong("assessments_completed"),
                                risks.getOrDefault(teamId, Map.of()), findings.getOrDefault(teamId, Map.of()),
                                rs.getLong("routines_recommended"), rs.getLong("reminders_sent"),
                                rs.getLong("breaks_taken"), rs.getLong("active_break_minutes"),
                                rs.getLong("exercise_sessions"), rs.getLong("exercise_minutes")));
                    }
                }
            }
            return teams;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read team insights", e);
        }
    }

    private static Map<UUID, Map<String, Long>> countsPerTeam(Connection c, String sql, String tenant) throws SQLException {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getObject("team_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("item"), rs.getLong("people"));
                }
            }
        }
        return counts;
    }
}
