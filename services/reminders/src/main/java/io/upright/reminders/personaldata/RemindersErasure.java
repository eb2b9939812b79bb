package io.upright.reminders.personaldata;

import io.upright.platform.eventstore.EventStore;
import io.upright.reminders.reminder.ReminderDecider;
import io.upright.reminders.schedule.ScheduleDecider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erasure (GDPR Art. 17): everything this service holds about the employee goes. The schedule stream and the
 * streams of their reminders (answers, activities) are deleted from the event store; the read models (schedule,
 * reminder queue and history, suggestion, risk reading, personal settings and pause, stored idempotent answers)
 * are deleted. Channels are a tenant's or a team's, never an employee's, so none is touched. Integration events
 * already published (pseudonymous ids only) stay with their consumers, who handle EmployeeErased themselves.
 * It empties the same {@link ErasedTables} the export ({@link RemindersPersonalData}) reads.
 */
@ApplicationScoped
public class RemindersErasure {

    private static final Logger LOG = Logger.getLogger(RemindersErasure.class);

    @Inject
    EventStore eventStore;

    @Inject
    DataSource dataSource;

    @Transactional
    public void erase(String tenant, UUID employee) {
        List<UUID> reminders = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select id from due_reminder where tenant_id = ? and employee_id = ?")) {
                ps.setString(1, tenant);
                ps.setObject(2, employee);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reminders.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (String table : java.util.stream.Stream.concat(ErasedTables.BY_EMPLOYEE.stream(), ErasedTables.ERASED_ONLY.stream()).toList()) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where tenant_id = ? and employee_id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employee);
                    ps.executeUpdate();
                }
            }
            // answers given with an Idempotency-Key keep the response body under the employee's subject
            try (PreparedStatement ps = c.prepareStatement("delete from idempotency_key where tenant_id = ? and principal = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, employee.toString());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the employee's reminders data", e);
        }
        int events = eventStore.erase(tenant, ScheduleDecider.SCHEDULE.streamType(), List.of(employee));
        events += eventStore.erase(tenant, ReminderDecider.REMINDER.streamType(), reminders);
        LOG.infof("Erased employee %s of tenant %s: %d reminders, %d stored events", employee, tenant, reminders.size(), events);
    }
}
