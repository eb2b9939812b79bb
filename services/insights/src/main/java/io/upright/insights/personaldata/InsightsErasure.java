package io.upright.insights.personaldata;

import io.upright.insights.facts.ReadModelRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * GDPR erasure on {@code EmployeeErased}: every row about the employee moves to a fresh random id that nothing
 * else knows, in the caller's transaction. Counts already made stay correct (the rows are still there), but
 * nothing links them to the person's pseudonymous id any more. These are the tables {@link InsightsPersonalData}
 * exports, so after an erasure the export of the old id is empty.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InsightsErasure {

    static final List<String> TABLES = List.of("insights_member", "insights_employee_activity",
            "insights_latest_assessment", "insights_fact");

    @Inject
    DataSource dataSource;

    public void erase(String tenant, UUID employeeId) {
        UUID anonymous = UUID.randomUUID();
        for (String table : TABLES) {
            ReadModelRows.update(dataSource, "update " + table + " set employee_id = ? where tenant_id = ? and employee_id = ?",
                    anonymous, tenant, employeeId);
        }
    }
}
