package io.upright.assessments.sitting;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SittingFeedbackTest {

    private static SittingReportDecider.StoredReport report(String period, String hours, String days, String sitting,
                                                            String standing) {
        Ospaq.Input input = "0".equals(days)
                ? OspaqTest.input("0", "0", null, null, null, null)
                : OspaqTest.input(hours, days, sitting, standing, "0", "0");
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        return new SittingReportDecider.StoredReport(SittingPeriod.parse(period), Ospaq.VERSION, Ospaq.validate(input),
                at, at, false);
    }

    @Test
    void less_sitting_than_at_baseline_is_encouraged_with_the_minutes() {
        // baseline 40 h / 5 d at 80 % = 384 min; check-in 40 h / 5 d at 60 % = 288 min: 96 less
        String feedback = SittingFeedback.of(List.of(report("baseline", "40", "5", "80", "20"),
                report("check-in-1", "40", "5", "90", "10"), report("check-in-2", "40", "5", "60", "40")));
        assertThat(feedback).contains("96 minutes less").contains("384 → 288").contains("Well done");
    }

    @Test
    void as_much_or_more_sitting_gets_a_gentle_nudge_about_breaks_and_standing_and_no_health_claim() {
        String more = SittingFeedback.of(List.of(report("baseline", "40", "5", "60", "40"),
                report("end", "40", "5", "70", "30")));
        assertThat(more).contains("48 minutes more").contains("standing up").contains("every half hour");
        String same = SittingFeedback.of(List.of(report("baseline", "40", "5", "60", "40"),
                report("check-in-1", "40", "5", "60", "40")));
        assertThat(same).contains("about as much as").contains("standing up");
        for (String sentence : List.of(more, same)) {
            assertThat(sentence).doesNotContainIgnoringCase("pain").doesNotContainIgnoringCase("health")
                    .doesNotContainIgnoringCase("risk").doesNotContainIgnoringCase("clinician");
        }
    }

    @Test
    void without_a_comparison_it_says_what_is_missing() {
        assertThat(SittingFeedback.of(List.of())).contains("baseline");
        assertThat(SittingFeedback.of(List.of(report("baseline", "40", "5", "70", "30"))))
                .contains("This is your baseline").contains("336 minutes");
        assertThat(SittingFeedback.of(List.of(report("check-in-1", "40", "5", "70", "30"))))
                .contains("no baseline");
        assertThat(SittingFeedback.of(List.of(report("baseline", "40", "5", "70", "30"), report("check-in-1", "0", "0", null, null))))
                .contains("check-in-1 report had no workday");
    }
}
