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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * The employee's latest risk reading, which tightens their cadence (see {@link Cadence}). High risk: a ROSA score
 * of 5 or more (ROSA's own "act now" level), or a prolonged-sitting finding from any method. The latest
 * assessment by its own time wins, so a better later assessment relaxes the cadence again.
 */
@ApplicationScoped
public class EmployeeRisks {

    @Inject
    Clock clock;

    static final int ROSA_HIGH_RISK_SCORE = 5;

    @Inject
    DataSource dataSource;

    public static boolean highRisk(AssessmentCompleted completed) {
        boolean rosa = completed.method() != null && "rosa".equals(completed.method().toLowerCase(Locale.ROOT))
                && completed.score() >= ROSA_HIGH_RISK_SCORE;
        boolean prolongedSitting = completed.findingCodes() != null && completed.findingCodes().contains(FindingCodes.PROLONGED_SITTING);
        return rosa || prolongedSitting;
    }

    /** Whether the employee's latest reading is high risk (false when none is known). */
    public static boolean isHighRisk(String tenant, java.util.UUID employeeId) {
        Object found = io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("select high_risk from employee_risk where tenant_id = ?1 and employee_id = ?2")
                .setParameter(1, tenant).setParameter(2, employeeId).getResultStream().findFirst().orElse(null);
        return Boolean.TRUE.equals(found);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessed(String tenant, AssessmentCompleted completed) {
        Instant asOf = completed.completedAt() == null ? Instant.now(clock) : completed.completedAt();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into employee_risk (tenant_id, employee_id, high_risk, as_of) "
                     + "values (?, ?, ?, ?) on conflict (tenant_id, employee_id) do update set high_risk = excluded.high_risk, "
                     + "as_of = excluded.as_of where employee_risk.as_of < excluded.as_of")) {
            ps.setString(1, tenant);
            ps.setObject(2, completed.employeeId());
            ps.setBoolean(3, highRisk(completed));
            ps.setTimestamp(4, Timestamp.from(asOf));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the risk reading", e);
        }
    }
}
