package io.upright.insights.personaldata;

import io.upright.contracts.programs.EmployeeErased;
import io.upright.insights.facts.Facts;
import io.upright.insights.facts.ReadModelRows;
import io.upright.insights.outcomes.SittingOutcomeRounds;
import io.upright.insights.outcomes.SittingProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.util.List;

/**
 * GDPR erasure on {@code EmployeeErased}, in the caller's transaction, live and on a replay alike. Its result is
 * what a replay rebuilds once the person's key is destroyed: their sealed records (enrolment, departure, assessments,
 * routines, sessions, breaks taken) then open as {@code ErasedEmployeeEvent} and are passed over, their plain records
 * (assessment started, reminders sent, snoozed, skipped, expired, undeliverable) are still read. So:
 * <ul>
 *   <li>a tombstone keeps the erased id's team (from the membership, which is deleted next) and the event's erasure
 *   time ({@link Facts#tombstone}), so that a fact of the id arriving later (topics are not ordered against each
 *   other) is treated the same way. The team never goes on a topic (after an erasure it would single the person out
 *   of a small team), so a replay, which cannot open the sealed enrolment any more, could not learn it: tombstones
 *   are kept across replays instead of rebuilt ({@code Replayer});</li>
 *   <li>the facts of sealed events are deleted, those of plain events become identity-free, counted for the
 *   tombstone's team ({@link Facts#forgetIdentity}), exactly as a late fact will be;</li>
 *   <li>the membership, counters and latest assessment are deleted: a replay cannot rebuild the membership or the
 *   latest assessment, and the counters are the person's alone (no figure reads them);</li>
 *   <li>the sitting reports are deleted: they are sealed, so a replay cannot rebuild them either;</li>
 *   <li>published sitting outcomes lose the id from their contributors and count it as erased
 *   ({@link SittingOutcomeRounds#erase}): their numbers are aggregates of k or more and stay.</li>
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
    SittingProjection sittings;

    @Inject
    SittingOutcomeRounds outcomeRounds;

    public void erase(String tenant, EmployeeErased erased) {
        // the tombstone first: forgetIdentity takes the team from it, and from now on facts, counters and assessments
        // of the id arriving late see it
        facts.tombstone(tenant, erased.employeeId(), facts.teamOf(tenant, erased.employeeId()), erased.erasedAt());
        for (String table : TABLES) {
            ReadModelRows.update(dataSource, "delete from " + table + " where tenant_id = ? and employee_id = ?",
                    tenant, erased.employeeId());
        }
        facts.forgetIdentity(tenant, erased.employeeId());
        sittings.erase(tenant, erased.employeeId());
        // published sitting outcomes keep their numbers (aggregates of k or more), not the id
        outcomeRounds.erase(tenant, erased.employeeId());
    }
}
