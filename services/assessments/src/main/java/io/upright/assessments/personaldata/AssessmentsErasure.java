package io.upright.assessments.personaldata;

import io.upright.assessments.assessment.Assessments;
import io.upright.assessments.clearance.ClinicalClearances;
import io.upright.assessments.sitting.SittingReports;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.eventstore.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Forgets an erased employee. Their answers (pain and discomfort included) live only in their assessment streams,
 * their clinical clearances (with their note) in their clearance stream and their sitting self-reports in their
 * sitting-report stream, so the streams are deleted outright,
 * with the read model rows, the team mapping and any stored idempotent responses. What was already published ({@code AssessmentCompleted}: pseudonymous id, score, codes; {@code SittingReported}: minutes, sealed under the key erasure destroys) has been
 * counted by insights and stays there. It sits next to {@link AssessmentsPersonalData} so that export and erasure
 * name the same stores.
 */
@ApplicationScoped
public class AssessmentsErasure {

    @Inject
    DataSource dataSource;

    @Inject
    EventStore eventStore;

    @Inject
    IdempotentRequests idempotentRequests;

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String tenant, UUID employeeId) {
        List<UUID> assessments = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from assessment where tenant_id = ? and employee_id = ?")) {
                ps.setString(1, tenant);
                ps.setObject(2, employeeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assessments.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            eventStore.erase(tenant, Assessments.STREAM_TYPE, assessments);
            // the clearance stream holds the employee's own note about their clinician visit
            eventStore.erase(tenant, ClinicalClearances.STREAM_TYPE, List.of(ClinicalClearances.streamId(employeeId)));
            // the sitting self-reports are the employee's own answers, kept nowhere else in this service
            eventStore.erase(tenant, SittingReports.STREAM_TYPE, List.of(SittingReports.streamId(employeeId)));
            for (String sql : List.of(
                    "delete from assessment where tenant_id = ? and employee_id = ?",
                    "delete from employee_team where tenant_id = ? and employee_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employeeId);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase an employee's assessments", e);
        }
        idempotentRequests.forget(tenant, employeeId.toString());
    }
}
