package io.upright.assessments.sitting;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SittingReportDeciderTest {

    private final SittingReportDecider decider = new SittingReportDecider();
    private final UUID employee = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-11-02T09:00:00Z");

    private static final Ospaq.Input OFFICE = OspaqTest.input("40", "5", "70", "20", "10", "0");
    private static final Ospaq.Input LESS_SITTING = OspaqTest.input("40", "5", "55", "30", "15", "0");

    private SittingReportDecider.Report report(String period, Ospaq.Input input, Instant at) {
        return new SittingReportDecider.Report(employee, period, input, at);
    }

    private SittingReportDecider.Reports after(List<SittingReportEvent> events) {
        return decider.fold(events);
    }

    @Test
    void the_first_answer_for_a_period_is_reported_with_the_questionnaire_version() {
        List<SittingReportEvent> events = decider.decide(report("baseline", OFFICE, t0), decider.initialState());
        assertThat(events).singleElement().isInstanceOf(SittingReportEvent.SittingReported.class);
        SittingReportEvent.SittingReported reported = (SittingReportEvent.SittingReported) events.get(0);
        assertThat(reported.period()).isEqualTo("baseline");
        assertThat(reported.questionnaireVersion()).isEqualTo("ospaq.v1");
        assertThat(reported.reportedAt()).isEqualTo(t0);
        SittingReportDecider.StoredReport stored = after(events).of("baseline").orElseThrow();
        assertThat(stored.corrected()).isFalse();
        assertThat(stored.perWorkday().orElseThrow().sittingMinutes()).isEqualTo(336);
    }

    @Test
    void answering_a_period_again_corrects_it_and_the_newest_answer_counts() {
        List<SittingReportEvent> first = decider.decide(report("check-in-1", OFFICE, t0), decider.initialState());
        Instant later = t0.plusSeconds(3600);
        List<SittingReportEvent> again = decider.decide(report("check-in-1", LESS_SITTING, later), after(first));
        assertThat(again).singleElement().isInstanceOf(SittingReportEvent.SittingReportCorrected.class);

        SittingReportDecider.StoredReport stored = after(concat(first, again)).of("check-in-1").orElseThrow();
        assertThat(stored.corrected()).isTrue();
        assertThat(stored.firstReportedAt()).isEqualTo(t0);
        assertThat(stored.reportedAt()).isEqualTo(later);
        assertThat(stored.answers().sittingPercent()).isEqualTo(55);
        assertThat(after(concat(first, again)).inPeriodOrder()).hasSize(1);
    }

    @Test
    void the_same_answer_again_records_nothing() {
        List<SittingReportEvent> first = decider.decide(report("end", OFFICE, t0), decider.initialState());
        assertThat(decider.decide(report("end", OspaqTest.input("40.0", "5", "70", "20", "10", "0"), t0.plusSeconds(60)),
                after(first))).isEmpty();
    }

    @Test
    void reports_are_kept_in_period_order_whatever_order_they_were_answered_in() {
        List<SittingReportEvent> events = new java.util.ArrayList<>();
        for (String period : List.of("end", "check-in-10", "baseline", "check-in-2")) {
            events.addAll(decider.decide(report(period, OFFICE, t0), after(events)));
        }
        assertThat(after(events).inPeriodOrder()).extracting(r -> r.period().value())
                .containsExactly("baseline", "check-in-2", "check-in-10", "end");
    }

    @Test
    void only_baseline_check_in_1_to_26_and_end_are_periods() {
        assertThat(SittingPeriod.all()).hasSize(28).startsWith("baseline", "check-in-1").endsWith("check-in-26", "end");
        for (String bad : new String[] {"check-in-0", "check-in-27", "check-in-01", "Baseline", "check-in-", "week-1",
                "", " baseline", "check-in-1x", "check-in-2\u0000"}) {
            assertThatThrownBy(() -> decider.decide(report(bad, OFFICE, t0), decider.initialState()))
                    .as(bad).isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(FieldError::field).containsExactly("period"));
        }
    }

    @Test
    void invalid_answers_are_refused_and_record_nothing() {
        assertThatThrownBy(() -> decider.decide(report("baseline", OspaqTest.input("40", "5", "70", "20", "0", "0"), t0),
                decider.initialState())).isInstanceOf(Rejection.class);
    }

    private static List<SittingReportEvent> concat(List<SittingReportEvent> a, List<SittingReportEvent> b) {
        List<SittingReportEvent> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
