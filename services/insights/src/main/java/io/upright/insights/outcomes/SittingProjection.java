package io.upright.insights.outcomes;

import io.upright.contracts.assessments.SittingReported;
import io.upright.insights.facts.Facts;
import io.upright.insights.facts.ReadModelRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Keeps each employee's newest sitting report per period ({@code insights_sitting_report}), live and on a replay
 * alike (the assessments consumer calls it from the same {@code dispatch}). Runs in the consumer's transaction, after
 * the inbox accepted the record.
 *
 * <p>The newest {@code reportedAt} wins, whatever order records arrive in, so a late older record never overwrites a
 * correction. No team is stored: like the facts, a report is joined to the team insights knows the person in
 * ({@code insights_member}) when read, never to the event's {@code teamId}. {@code SittingReported} is sealed for the
 * employee, so once their key is shredded it opens as {@code ErasedEmployeeEvent} and never reaches this class; a
 * record of an id with an erasure tombstone (one published before sealing, or arriving after the erasure) is not kept
 * either, so live rows equal a replay's, which applies erasures last and deletes them ({@link #erase}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SittingProjection {

    private static final Logger LOG = Logger.getLogger(SittingProjection.class);

    @Inject
    DataSource dataSource;

    @Inject
    Facts facts;

    public void reported(String tenant, SittingReported report) {
        if (report.employeeId() == null || report.reportedAt() == null || report.questionnaireVersion() == null) {
            LOG.warn("A sitting report without employee, time or questionnaire version was not kept");
            return;
        }
        if (SittingPeriod.parse(report.period()).isEmpty()) {
            // no pair could ever use it; the period is not personal data, the id is not logged
            LOG.warnf("A sitting report for the unknown period '%s' was not kept", report.period());
            return;
        }
        if (facts.erased(tenant, report.employeeId())) {
            return;
        }
        // ties on reported_at: the later record on the employee's partition wins, in the same order live and replayed
        ReadModelRows.update(dataSource, """
                        insert into insights_sitting_report (tenant_id, employee_id, period, questionnaire_version,
                               minutes_worked_per_workday, sitting_minutes, standing_minutes, walking_minutes,
                               heavy_labour_minutes, days_worked, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, employee_id, period) do update set
                               questionnaire_version = excluded.questionnaire_version,
                               minutes_worked_per_workday = excluded.minutes_worked_per_workday,
                               sitting_minutes = excluded.sitting_minutes, standing_minutes = excluded.standing_minutes,
                               walking_minutes = excluded.walking_minutes,
                               heavy_labour_minutes = excluded.heavy_labour_minutes,
                               days_worked = excluded.days_worked, reported_at = excluded.reported_at
                         where insights_sitting_report.reported_at <= excluded.reported_at
                        """,
                tenant, report.employeeId(), report.period(), report.questionnaireVersion(),
                Math.max(0, report.minutesWorkedPerWorkday()), Math.max(0, report.sittingMinutes()),
                Math.max(0, report.standingMinutes()), Math.max(0, report.walkingMinutes()),
                Math.max(0, report.heavyLabourMinutes()), Math.max(0, report.daysWorked()),
                Timestamp.from(report.reportedAt()));
    }

    /** At {@code EmployeeErased}: a replay cannot open the sealed reports any more, so live keeps none either. */
    public void erase(String tenant, UUID employeeId) {
        ReadModelRows.update(dataSource, "delete from insights_sitting_report where tenant_id = ? and employee_id = ?",
                tenant, employeeId);
    }
}
