package io.upright.assessments.sitting;

import io.upright.platform.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rules of one employee's sitting self-reports: one report per period; answering a period again corrects it (the
 * newest answer counts, the person may fix their own mistake); answering it again with the same answers changes
 * nothing, so a retried request records and publishes nothing twice. Any period may be answered at any time: when
 * people are asked, and until when an answer counts, is decided elsewhere.
 */
public class SittingReportDecider implements Decider<SittingReportDecider.Report, SittingReportDecider.Reports,
        SittingReportEvent> {

    /** The employee's answer for {@code period}, exactly as sent. */
    public record Report(UUID employeeId, String period, Ospaq.Input input, Instant at) {
    }

    /** One period's current report: the newest answer, and when the period was first answered. */
    public record StoredReport(SittingPeriod period, String questionnaireVersion, Ospaq.Answers answers,
                               Instant firstReportedAt, Instant reportedAt, boolean corrected) {

        public Optional<Ospaq.WorkdayMinutes> perWorkday() {
            return Ospaq.perWorkday(answers);
        }
    }

    /** The employee's reports, one per period, in period order (baseline, check-ins, end). */
    public record Reports(List<StoredReport> inPeriodOrder) {

        public Optional<StoredReport> of(String period) {
            return inPeriodOrder.stream().filter(r -> r.period().value().equals(period)).findFirst();
        }
    }

    @Override
    public Reports initialState() {
        return new Reports(List.of());
    }

    @Override
    public List<SittingReportEvent> decide(Report command, Reports state) {
        SittingPeriod period = SittingPeriod.parse(command.period());
        Ospaq.Answers answers = Ospaq.validate(command.input());
        Optional<StoredReport> existing = state.of(period.value());
        if (existing.isEmpty()) {
            return List.of(new SittingReportEvent.SittingReported(command.employeeId(), period.value(), Ospaq.VERSION,
                    answers, command.at()));
        }
        if (existing.get().answers().equals(answers) && existing.get().questionnaireVersion().equals(Ospaq.VERSION)) {
            return List.of();
        }
        return List.of(new SittingReportEvent.SittingReportCorrected(command.employeeId(), period.value(),
                Ospaq.VERSION, answers, command.at()));
    }

    @Override
    public Reports evolve(Reports state, SittingReportEvent event) {
        SittingPeriod period = SittingPeriod.parse(event.period());
        List<StoredReport> all = new ArrayList<>(state.inPeriodOrder());
        Optional<StoredReport> existing = state.of(period.value());
        existing.ifPresent(all::remove);
        if (event instanceof SittingReportEvent.SittingReported reported) {
            all.add(new StoredReport(period, reported.questionnaireVersion(), reported.answers(), reported.reportedAt(),
                    reported.reportedAt(), false));
        } else if (event instanceof SittingReportEvent.SittingReportCorrected corrected) {
            Instant first = existing.map(StoredReport::firstReportedAt).orElse(corrected.correctedAt());
            all.add(new StoredReport(period, corrected.questionnaireVersion(), corrected.answers(), first,
                    corrected.correctedAt(), true));
        }
        all.sort(Comparator.comparing(StoredReport::period));
        return new Reports(List.copyOf(all));
    }
}
