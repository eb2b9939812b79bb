package io.upright.programs.program;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramDeciderTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private final ProgramDecider decider = new ProgramDecider();
    private final UUID teamA = UUID.randomUUID();
    private final UUID teamB = UUID.randomUUID();
    private final List<ProgramEvent> history = new ArrayList<>();

    @Test
    void a_draft_launched_on_a_future_day_starts_no_phase_yet_and_the_scheduler_starts_each_phase_once_on_its_day() {
        draft();
        List<ProgramEvent> launch = apply(new ProgramDecider.Launch(MONDAY, MONDAY.minusDays(3), AT));
        assertThat(launch).singleElement().isInstanceOf(ProgramEvent.Launched.class);
        assertThat(state().nextPhaseOn()).contains(MONDAY);

        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY.minusDays(1), AT))).isEmpty();
        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY, AT))).containsExactly(
                new ProgramEvent.PhaseStarted(1, MONDAY, AT));
        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY.plusDays(3), AT))).isEmpty();
        // phase 2 begins in week 3: startsOn + 14 days
        assertThat(state().nextPhaseOn()).contains(MONDAY.plusDays(14));
        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY.plusDays(14), AT))).containsExactly(
                new ProgramEvent.PhaseStarted(2, MONDAY.plusDays(14), AT));
        assertThat(state().currentPhase()).map(Phase::number).contains(2);
        assertThat(state().nextPhaseOn()).isEmpty();
    }

    @Test
    void launching_on_or_after_the_start_day_starts_every_phase_already_due_in_order() {
        draft();
        assertThat(apply(new ProgramDecider.Launch(MONDAY, MONDAY, AT))).containsExactly(
                new ProgramEvent.Launched(MONDAY, AT), new ProgramEvent.PhaseStarted(1, MONDAY, AT));

        ProgramDeciderTest other = new ProgramDeciderTest();
        other.draft();
        assertThat(other.apply(new ProgramDecider.Launch(MONDAY, MONDAY.plusDays(20), AT))).containsExactly(
                new ProgramEvent.Launched(MONDAY, AT), new ProgramEvent.PhaseStarted(1, MONDAY, AT),
                new ProgramEvent.PhaseStarted(2, MONDAY.plusDays(14), AT));
    }

    @Test
    void the_lifecycle_allows_pause_resume_and_end_and_rejects_everything_else_with_409() {
        draft();
        assertConflict(new ProgramDecider.Pause(AT));
        assertConflict(new ProgramDecider.Resume(AT));
        assertConflict(new ProgramDecider.End(AT));
        apply(new ProgramDecider.Launch(MONDAY, MONDAY, AT));
        assertConflict(new ProgramDecider.Launch(MONDAY, MONDAY, AT));
        assertConflict(new ProgramDecider.EditDraft(validDraft(), AT));
        assertConflict(new ProgramDecider.Resume(AT));
        apply(new ProgramDecider.Pause(AT));
        assertThat(state().status()).isEqualTo(ProgramStatus.PAUSED);
        assertConflict(new ProgramDecider.Pause(AT));
        apply(new ProgramDecider.Resume(AT));
        assertThat(state().status()).isEqualTo(ProgramStatus.LAUNCHED);
        apply(new ProgramDecider.End(AT));
        assertConflict(new ProgramDecider.End(AT));
        assertConflict(new ProgramDecider.Resume(AT));
        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY.plusDays(30), AT))).isEmpty();
    }

    @Test
    void phases_keep_starting_on_schedule_while_paused() {
        draft();
        apply(new ProgramDecider.Launch(MONDAY, MONDAY, AT));
        apply(new ProgramDecider.Pause(AT));
        assertThat(apply(new ProgramDecider.StartDuePhases(MONDAY.plusDays(14), AT))).hasSize(1);
    }

    @Test
    void invalid_drafts_name_every_offending_field() {
        ProgramDraft draft = new ProgramDraft(" ", List.of(
                new ProgramDraft.PhaseDraft(2, 45, 120),
                new ProgramDraft.PhaseDraft(2, 90, 120),
                new ProgramDraft.PhaseDraft(null, 30, 999)), 20, 60, List.of(teamA, teamA));

        assertThatThrownBy(() -> decider.decide(new ProgramDecider.CreateDraft(UUID.randomUUID(), draft, AT), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("title", "phases[0].startWeek", "phases[1].startWeek",
                                "phases[1].breakEveryMinutes", "phases[2].startWeek", "phases[2].dailyActiveMinutesTarget",
                                "teamIds[1]"));
    }

    @Test
    void cadence_bounds_must_be_ordered_and_a_draft_needs_phases_and_teams() {
        ProgramDraft draft = new ProgramDraft("Stand up", List.of(), 60, 20, List.of());

        assertThat(draft.problems()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("maxBreakEveryMinutes", "phases", "teamIds");
    }

    @Test
    void champions_are_appointed_per_team_of_the_program_and_revoked_once() {
        draft();
        UUID ada = UUID.randomUUID();
        UUID lin = UUID.randomUUID();
        apply(new ProgramDecider.AppointChampion(teamA, ada, AT));
        apply(new ProgramDecider.AppointChampion(teamA, lin, AT));
        assertThat(apply(new ProgramDecider.AppointChampion(teamA, ada, AT))).isEmpty();
        assertThat(state().champions().get(teamA)).containsOnlyKeys(ada, lin);

        assertThatThrownBy(() -> decider.decide(new ProgramDecider.AppointChampion(UUID.randomUUID(), ada, AT), state()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
        apply(new ProgramDecider.RevokeChampion(teamA, ada, AT));
        assertThat(state().champions().get(teamA)).containsOnlyKeys(lin);
        assertThatThrownBy(() -> decider.decide(new ProgramDecider.RevokeChampion(teamA, ada, AT), state()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    private void draft() {
        apply(new ProgramDecider.CreateDraft(UUID.randomUUID(), validDraft(), AT));
    }

    private ProgramDraft validDraft() {
        return new ProgramDraft("Stand up, Finance", List.of(new ProgramDraft.PhaseDraft(1, 45, 120),
                new ProgramDraft.PhaseDraft(3, 30, 240)), 20, 60, List.of(teamA, teamB));
    }

    private List<ProgramEvent> apply(ProgramDecider.Command command) {
        List<ProgramEvent> events = decider.decide(command, state());
        history.addAll(events);
        return events;
    }

    private ProgramDecider.Program state() {
        return decider.fold(history);
    }

    private void assertConflict(ProgramDecider.Command command) {
        assertThatThrownBy(() -> decider.decide(command, state()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }
}
