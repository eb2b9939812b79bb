package io.upright.insights.personaldata;

import io.upright.insights.facts.Facts;
import io.upright.insights.facts.ReadModelRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR erasure on {@code EmployeeErased}, in the caller's transaction:
 * <ul>
 *   <li>a tombstone keeps the erased id's team, zone and membership weeks ({@link Facts#tombstone}), so that a fact
 *   of the id arriving later (topics are not ordered against each other) still counts for the team;</li>
 *   <li>every fact of the id becomes identity-free ({@link Facts#forgetIdentity}), exactly as such a late fact will:
 *   live and replayed figures then agree whatever arrived first;</li>
 *   <li>the membership, counters and latest assessment move to a fresh random id that nothing else knows (risk
 *   snapshots and enrolment keep counting the person; nothing links the rows to their pseudonymous id any more).</li>
 * </ul>
 * These are the tables {@link InsightsPersonalData} exports, so after an erasure the export of the old id is empty.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InsightsErasure {

    static final List<String> TABLES = List.of("insights_member", "insights_employee_activity", "insights_latest_assessment");

    @Inject
    DataSource dataSource;

    @Inject
    Facts facts;

    @Inject
    Clock clock;

    public void erase(String tenant, UUID employeeId) {
        facts.tombstone(tenant, employeeId, Instant.now(clock));
        facts.forgetIdentity(tenant, employeeId);
        UUID anonymous = UUID.randomUUID();
        for (String table : TABLES) {
            ReadModelRows.update(dataSource, "update " + table + " set employee_id = ? where tenant_id = ? and employee_id = ?",
                    anonymous, tenant, employeeId);
        }
    }
}
