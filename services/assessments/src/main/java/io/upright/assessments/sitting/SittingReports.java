package io.upright.assessments.sitting;

import io.upright.assessments.team.EmployeeTeams;
import io.upright.contracts.assessments.SittingReported;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service: the employee's sitting-report stream and the outbox change together in one transaction. */
@ApplicationScoped
public class SittingReports {

    /** The stream type sitting reports are stored under (erasure deletes these streams). */
    public static final String STREAM_TYPE = "sitting-report";

    private static final Aggregate<SittingReportDecider.Report, SittingReportDecider.Reports, SittingReportEvent> REPORTS =
            Aggregate.of(STREAM_TYPE, SittingReportEvent.class, new SittingReportDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    Clock clock;

    /** The employee's reports and the stream version ({@code ETag}). */
    public record Snapshot(SittingReportDecider.Reports reports, long version) {
    }

    /** What a report did: the period's report now, whether the period was answered for the first time. */
    public record Outcome(SittingReportDecider.StoredReport report, boolean first, long version) {
    }

    /**
     * One stream per employee, its id derived from theirs so no lookup table is needed; the prefix keeps it apart from
     * every other stream. The event store keys streams by tenant too, so tenants never share one.
     */
    public static UUID streamId(UUID employeeId) {
        return UUID.nameUUIDFromBytes((STREAM_TYPE + ":" + employeeId).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    public Outcome report(String tenant, UUID employeeId, String period, Ospaq.Input input, OptionalLong ifMatch) {
        Decision<SittingReportDecider.Reports, SittingReportEvent> decision = aggregates.handle(tenant, REPORTS,
                streamId(employeeId), new SittingReportDecider.Report(employeeId, period, input, Instant.now(clock)),
                ifMatch);
        SittingReportDecider.StoredReport report = decision.state().of(period).orElseThrow();
        // an unchanged answer records nothing, so nothing is published twice
        if (!decision.newEvents().isEmpty()) {
            Ospaq.WorkdayMinutes minutes = report.perWorkday().orElse(new Ospaq.WorkdayMinutes(0, 0, 0, 0, 0));
            // minutes only, never the answers; a week without work goes out with daysWorked 0 and zero minutes
            outbox.enqueue(tenant, new SittingReported(employeeId, employeeTeams.teamOf(tenant, employeeId).orElse(null),
                    report.period().value(), report.questionnaireVersion(), minutes.minutesWorkedPerWorkday(),
                    minutes.sittingMinutes(), minutes.standingMinutes(), minutes.walkingMinutes(),
                    minutes.heavyLabourMinutes(), report.answers().daysWorked(), report.reportedAt()));
        }
        boolean first = decision.newEvents().stream().anyMatch(e -> e instanceof SittingReportEvent.SittingReported);
        return new Outcome(report, first, decision.version());
    }

    public Snapshot reports(String tenant, UUID employeeId) {
        Decision<SittingReportDecider.Reports, SittingReportEvent> read = aggregates.read(tenant, REPORTS,
                streamId(employeeId));
        return new Snapshot(read.state(), read.version());
    }

    /** One period's report; a period never answered (by this employee, in this tenant) is missing. */
    public Outcome report(String tenant, UUID employeeId, String period) {
        SittingPeriod valid = SittingPeriod.parse(period);
        Snapshot snapshot = reports(tenant, employeeId);
        return snapshot.reports().of(valid.value())
                .map(r -> new Outcome(r, false, snapshot.version()))
                .orElseThrow(() -> Rejection.notFound("Sitting report for " + valid.value()));
    }
}
