package io.upright.insights.programs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's programs, their phases and teams (structure, not figures: the figures come from the published
 * snapshots, see {@code snapshots/}).
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

    private static final String PROGRAMS = """
            select p.program_id, p.title, p.status, p.starts_on, p.current_phase, p.launched_at, p.ended_at,
                   (select count(*) from insights_program_team t where t.tenant_id = p.tenant_id and t.program_id = p.program_id) as teams
              from insights_program p
             where p.tenant_id = ?
            """;

    /** A program and one of its teams. */
    record ProgramTeam(UUID programId, UUID teamId) {
    }

    @Inject
    DataSource dataSource;

    /** Every team of the tenant with its name (teams named nowhere yet have none). */
    java.util.Map<UUID, String> teamNames(String tenant) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        query("select team_id, name from insights_team where tenant_id = ?",
                rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)), tenant);
        return names;
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
