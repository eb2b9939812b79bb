package io.upright.assessments.clearance;

import io.upright.assessments.scoring.Urgency;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClearanceDeciderTest {

    private static final ClearanceDecider DECIDER = new ClearanceDecider();
    private static final UUID EMPLOYEE = UUID.randomUUID();
    private static final Instant FLAGGED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    private static final Period TWELVE_WEEKS = Period.ofWeeks(12);

    private static ClearanceDecider.LatestAssessment flagged() {
        return new ClearanceDecider.LatestAssessment(UUID.randomUUID(), FLAGGED_AT, true);
    }

    private static ClearanceDecider.Declare declare(ClearanceDecider.LatestAssessment latest, LocalDate clearedOn, String note) {
        return new ClearanceDecider.Declare(UUID.randomUUID(), EMPLOYEE, latest, clearedOn, note, TODAY, TWELVE_WEEKS,
                Instant.parse("2026-12-05T10:00:00Z"));
    }

    private static List<String> fields(Runnable action) {
        Rejection rejection = catchThrowableOfType(Rejection.class, action::run);
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
        return rejection.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_clearance_of_a_paused_employee_is_declared_with_a_rescreen_date_twelve_weeks_on() {
        ClearanceDecider.LatestAssessment latest = flagged();
        List<ClearanceEvent> events = DECIDER.decide(declare(latest, LocalDate.parse("2026-12-03"), "GP, no limits"),
                DECIDER.initialState());
        ClearanceEvent.ClearanceDeclared declared = (ClearanceEvent.ClearanceDeclared) events.get(0);
        assertThat(declared.assessmentId()).isEqualTo(latest.assessmentId());
        assertThat(declared.employeeId()).isEqualTo(EMPLOYEE);
        assertThat(declared.clearedOn()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(declared.rescreenBy()).isEqualTo(LocalDate.parse("2027-02-25"));
        assertThat(declared.note()).isEqualTo("GP, no limits");
    }

    @Test
    void the_day_of_the_flagged_assessment_and_today_are_both_accepted() {
        assertThat(DECIDER.decide(declare(flagged(), LocalDate.parse("2026-12-01"), null), DECIDER.initialState())).hasSize(1);
        assertThat(DECIDER.decide(declare(flagged(), TODAY, null), DECIDER.initialState())).hasSize(1);
    }

    @Test
    void a_missing_or_future_date_and_a_note_over_500_characters_are_invalid_named_by_field() {
        assertThat(fields(() -> DECIDER.decide(declare(flagged(), null, null), DECIDER.initialState())))
                .containsExactly("clearedOn");
        assertThat(fields(() -> DECIDER.decide(declare(flagged(), TODAY.plusDays(1), null), DECIDER.initialState())))
                .containsExactly("clearedOn");
        assertThat(fields(() -> DECIDER.decide(declare(flagged(), TODAY, "x".repeat(501)), DECIDER.initialState())))
                .containsExactly("note");
        assertThat(DECIDER.decide(declare(flagged(), TODAY, "x".repeat(500)), DECIDER.initialState())).hasSize(1);
    }

    @Test
    void a_date_before_the_assessment_that_paused_exercise_is_invalid() {
        assertThat(fields(() -> DECIDER.decide(declare(flagged(), LocalDate.parse("2026-11-29"), null),
                DECIDER.initialState()))).containsExactly("clearedOn");
    }

    @Test
    void nothing_to_clear_is_a_conflict_without_an_assessment_without_a_flag_or_once_already_cleared() {
        ClearanceDecider.LatestAssessment unflagged = new ClearanceDecider.LatestAssessment(UUID.randomUUID(), FLAGGED_AT, false);
        for (ClearanceDecider.LatestAssessment latest : new ClearanceDecider.LatestAssessment[] {null, unflagged}) {
            assertThatThrownBy(() -> DECIDER.decide(declare(latest, TODAY, null), DECIDER.initialState()))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.reason()).isEqualTo(Rejection.Reason.CONFLICT);
                        assertThat(r.code()).isEqualTo("not-paused");
                    });
        }
        ClearanceDecider.LatestAssessment latest = flagged();
        ClearanceDecider.Clearances cleared = DECIDER.fold(DECIDER.decide(declare(latest, TODAY, null), DECIDER.initialState()));
        assertThatThrownBy(() -> DECIDER.decide(declare(latest, TODAY, null), cleared))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void status_is_paused_then_cleared_then_paused_again_by_a_later_flag_and_none_after_an_assessment_without_one() {
        ClearanceDecider.LatestAssessment first = flagged();
        ClearanceDecider.Clearances none = DECIDER.initialState();
        ClinicalStatus paused = ClinicalStatus.of(first, Urgency.EMERGENCY, none, TODAY);
        assertThat(paused.state()).isEqualTo(ClinicalStatus.State.PAUSED);
        assertThat(paused.urgency()).isEqualTo(Urgency.EMERGENCY);

        ClearanceDecider.Clearances cleared = DECIDER.fold(DECIDER.decide(declare(first, TODAY, null), none));
        ClinicalStatus status = ClinicalStatus.of(first, Urgency.EMERGENCY, cleared, TODAY);
        assertThat(status.state()).isEqualTo(ClinicalStatus.State.CLEARED);
        assertThat(status.rescreenBy()).isEqualTo(TODAY.plusWeeks(12));
        assertThat(status.rescreenDue()).isFalse();
        assertThat(ClinicalStatus.of(first, Urgency.EMERGENCY, cleared, TODAY.plusWeeks(12)).rescreenDue()).isTrue();

        ClearanceDecider.LatestAssessment later = flagged();
        assertThat(ClinicalStatus.of(later, Urgency.SEE_CLINICIAN_FIRST, cleared, TODAY).state())
                .isEqualTo(ClinicalStatus.State.PAUSED);
        ClearanceDecider.LatestAssessment fine = new ClearanceDecider.LatestAssessment(UUID.randomUUID(), FLAGGED_AT, false);
        assertThat(ClinicalStatus.of(fine, Urgency.NONE, cleared, TODAY).state()).isEqualTo(ClinicalStatus.State.NONE);
        assertThat(ClinicalStatus.of(null, Urgency.NONE, none, TODAY).state()).isEqualTo(ClinicalStatus.State.NONE);
    }
}
