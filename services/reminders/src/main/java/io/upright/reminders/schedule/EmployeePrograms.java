package io.upright.reminders.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the program of an employee's team from the programs read model (kept by {@code program.Programs}): a
 * schedule's bounds and cadence depend on it, the program does not depend on schedules' code.
 */
@ApplicationScoped
public class EmployeePrograms {

    @Inject
    DataSource dataSource;

    /** What reminders knows about a program now. */
    public record ProgramState(UUID programId, String status, int phaseNumber, int breakEveryMinutes,
                               int dailyActiveMinutesTarget, int minBreakEveryMinutes, int maxBreakEveryMinutes) {
    }

    /** The program of the employee's team, if any. */
    public Optional<ProgramState> ofEmployee(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select p.program_id, p.status, p.phase_number, p.break_every_minutes, "
                     + "p.daily_active_minutes_target, p.min_break_every_minutes, p.max_break_every_minutes from schedule s "
                     + "join program_team pt on pt.tenant_id = s.tenant_id and pt.team_id = s.team_id "
                     + "join program p on p.tenant_id = pt.tenant_id and p.program_id = pt.program_id "
                     + "where s.tenant_id = ? and s.employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ProgramState(rs.getObject("program_id", UUID.class), rs.getString("status"),
                        rs.getInt("phase_number"), rs.getInt("break_every_minutes"), rs.getInt("daily_active_minutes_target"),
                        rs.getInt("min_break_every_minutes"), rs.getInt("max_break_every_minutes")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the program", e);
        }
    }
}
