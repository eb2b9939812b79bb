package io.upright.reminders.schedule;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.FindingCodes;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The employee's risk reading, which tightens their cadence (see {@link Cadence}). A result is high risk when it is a
 * ROSA score of 5 or more (ROSA's own "act now" level) or it found prolonged sitting, whatever the method (ROSA now
 * reports it too: chair over 4 h a day or over 1 h at a stretch). The latest result of EACH method counts, and the
 * employee is high risk while any of them is: a newer assessment of another method (which may not ask about sitting
 * time at all) does not wipe out what ROSA found, but a better later result of the same method relaxes it again.
 */
@ApplicationScoped
public class EmployeeRisks {

    @Inject
    Clock clock;

    static final int ROSA_HIGH_RISK_SCORE = 5;

    @Inject
    DataSource dataSource;

    public static boolean highRisk(AssessmentCompleted completed) {
        boolean rosa = "rosa".equals(method(completed)) && completed.score() >= ROSA_HIGH_RISK_SCORE;
        boolean prolongedSitting = completed.findingCodes() != null && completed.findingCodes().contains(FindingCodes.PROLONGED_SITTING);
        return rosa || prolongedSitting;
    }

    /** The method a reading is kept under: lower case, {@code unknown} when the result names none. */
    static String method(AssessmentCompleted completed) {
        return completed.method() == null || completed.method().isBlank() ? "unknown" : completed.method().toLowerCase(Locale.ROOT);
    }

    /** Combined risk (pure): high while the latest result of any method is. */
    public static boolean combined(Map<String, Boolean> latestPerMethod) {
        return latestPerMethod.values().stream().anyMatch(Boolean.TRUE::equals);
    }

    /** Whether the employee's combined reading is high risk (false when none is known). */
    public static boolean isHighRisk(String tenant, java.util.UUID employeeId) {
        Object found = io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("select high_risk from employee_risk where tenant_id = ?1 and employee_id = ?2")
                .setParameter(1, tenant).setParameter(2, employeeId).getResultStream().findFirst().orElse(null);
        return Boolean.TRUE.equals(found);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessed(String tenant, AssessmentCompleted completed) {
        Instant asOf = completed.completedAt() == null ? Instant.now(clock) : completed.completedAt();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into employee_risk_reading (tenant_id, employee_id, method, "
                    + "high_risk, as_of) values (?, ?, ?, ?, ?) on conflict (tenant_id, employee_id, method) do update set "
                    + "high_risk = excluded.high_risk, as_of = excluded.as_of where employee_risk_reading.as_of < excluded.as_of")) {
                ps.setString(1, tenant);
                ps.setObject(2, completed.employeeId());
                ps.setString(3, method(completed));
                ps.setBoolean(4, highRisk(completed));
                ps.setTimestamp(5, Timestamp.from(asOf));
                ps.executeUpdate();
            }
            Map<String, Boolean> latest = new HashMap<>();
            Instant newest = asOf;
            try (PreparedStatement ps = c.prepareStatement("select method, high_risk, as_of from employee_risk_reading "
                    + "where tenant_id = ? and employee_id = ?")) {
                ps.setString(1, tenant);
                ps.setObject(2, completed.employeeId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), rs.getBoolean(2));
                        Instant at = rs.getTimestamp(3).toInstant();
                        newest = at.isAfter(newest) ? at : newest;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into employee_risk (tenant_id, employee_id, high_risk, as_of) "
                    + "values (?, ?, ?, ?) on conflict (tenant_id, employee_id) do update set high_risk = excluded.high_risk, "
                    + "as_of = excluded.as_of")) {
                ps.setString(1, tenant);
                ps.setObject(2, completed.employeeId());
                ps.setBoolean(3, combined(latest));
                ps.setTimestamp(4, Timestamp.from(newest));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the risk reading", e);
        }
    }
}
