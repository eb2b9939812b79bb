package io.upright.assessments.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which team each employee belongs to, as learned from {@code EmployeeEnrolled}. Only the pseudonymous ids
 * are kept; the team goes on {@code AssessmentCompleted} so insights can aggregate per team.
 */
@ApplicationScoped
public class EmployeeTeams {

    @Inject
    DataSource dataSource;

    /** Upsert: a re-enrolment in another team moves the employee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String tenant, UUID employeeId, UUID teamId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into employee_team (tenant_id, employee_id, team_id) values (?, ?, ?) "
                             + "on conflict (tenant_id, employee_id) do update set team_id = excluded.team_id")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setObject(3, teamId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the team of an employee", e);
        }
    }

    public Optional<UUID> teamOf(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select team_id from employee_team where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the team of an employee", e);
        }
    }

    /** Whether any employee of the tenant is known to be in {@code teamId}: the only teams this service knows. */
    public boolean knows(String tenant, UUID teamId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select exists (select 1 from employee_team where tenant_id = ? and team_id = ?)")) {
            ps.setString(1, tenant);
            ps.setObject(2, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up a team", e);
        }
    }
}
