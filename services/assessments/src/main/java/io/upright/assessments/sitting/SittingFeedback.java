package io.upright.assessments.sitting;

import java.util.List;
import java.util.Optional;

/**
 * One sentence for the employee about their sitting: the latest report (in period order) against their baseline, in
 * sitting minutes per workday. It speaks about sitting and breaks only, never about health: these are self-reports
 * for the program's outcome, not a check-up.
 */
public final class SittingFeedback {

    private SittingFeedback() {
    }

    public static String of(List<SittingReportDecider.StoredReport> inPeriodOrder) {
        if (inPeriodOrder.isEmpty()) {
            return "Answer the baseline questions so that your later check-ins can show whether you sit less.";
        }
        Optional<SittingReportDecider.StoredReport> baseline = inPeriodOrder.stream()
                .filter(r -> r.period().isBaseline()).findFirst();
        SittingReportDecider.StoredReport latest = inPeriodOrder.get(inPeriodOrder.size() - 1);
        if (baseline.isEmpty()) {
            return "There is no baseline to compare with yet: answer it too, and in the meantime standing up for a "
                    + "few minutes every half hour is a good habit whatever your numbers say.";
        }
        Optional<Integer> before = sitting(baseline.get());
        if (latest.period().isBaseline()) {
            return before.map(m -> "This is your baseline: about " + m + " minutes of sitting per workday. Your "
                            + "4-week check-ins will show whether it goes down.")
                    .orElse("This is your baseline, for a week without work; your 4-week check-ins will compare "
                            + "with it as far as they can.");
        }
        Optional<Integer> now = sitting(latest);
        if (before.isEmpty() || now.isEmpty()) {
            return "Your " + (before.isEmpty() ? "baseline" : latest.period().value()) + " report had no workday, so "
                    + "there is no sitting time to compare yet.";
        }
        int change = now.get() - before.get();
        if (change < 0) {
            return "You now sit about " + (-change) + " minutes less per workday than at your baseline ("
                    + before.get() + " → " + now.get() + "). Well done: keep standing up and moving regularly.";
        }
        String comparison = change == 0 ? "about as much as" : "about " + change + " minutes more per workday than";
        return "You sit " + comparison + " at your baseline (" + before.get() + " → " + now.get() + " minutes per "
                + "workday). Try standing up for a few minutes every half hour, and take calls or short meetings "
                + "standing or walking.";
    }

    private static Optional<Integer> sitting(SittingReportDecider.StoredReport report) {
        return report.perWorkday().map(Ospaq.WorkdayMinutes::sittingMinutes);
    }
}
