package io.upright.programs.program;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private final ProgramDecider decider = new ProgramDecider();
    private final UUID id = UUID.randomUUID();
    private final UUID teamA = UUID.randomUUID();
    private final UUID teamB = UUID.randomUUID();
    private final List<ProgramEvent> history = new ArrayList<>();

    @Test
    void a_new_draft_writes_its_row_its_teams_and_no_champions() {
        List<ProgramEvent> events = apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA, teamB)), AT));

        var changes = ProgramProjection.of(state(), 1, events, AT).orElseThrow();
        assertThat(changes.program()).isEqualTo(new ProgramProjection.ProgramRow(id, "Stand up", "draft",
                List.of(new Phase(1, 1, 45, 120), new Phase(2, 3, 30, 240)), 20, 60, null, 0, null, 1, AT));
        assertThat(changes.teams()).contains(List.of(teamA, teamB));
        assertThat(changes.champions()).contains(List.of());
    }

    @Test
    void a_command_without_new_events_changes_no_row() {
        apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA)), AT));
        apply(new ProgramDecider.Launch(MONDAY, MONDAY.minusDays(3), AT));
        List<ProgramEvent> none = apply(new ProgramDecider.StartDuePhases(MONDAY.minusDays(1), LATER));

        assertThat(none).isEmpty();
        assertThat(ProgramProjection.of(state(), 2, none, LATER)).isEmpty();
    }

    @Test
    void a_launch_and_its_phases_change_only_the_program_row() {
        apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA)), AT));
        List<ProgramEvent> events = apply(new ProgramDecider.Launch(MONDAY, MONDAY, LATER));

        var changes = ProgramProjection.of(state(), 3, events, LATER).orElseThrow();
        assertThat(changes.program().status()).isEqualTo("launched");
        assertThat(changes.program().startsOn()).isEqualTo(MONDAY);
        assertThat(changes.program().currentPhase()).isEqualTo(1);
        assertThat(changes.program().nextPhaseOn()).isEqualTo(MONDAY.plusDays(14));
        assertThat(changes.program().version()).isEqualTo(3);
        assertThat(changes.program().updatedAt()).isEqualTo(LATER);
        assertThat(changes.teams()).isEmpty();
        assertThat(changes.champions()).isEmpty();
    }

    @Test
    void pause_and_end_change_the_status_and_stop_the_schedule() {
        apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA)), AT));
        apply(new ProgramDecider.Launch(MONDAY, MONDAY, AT));
        var paused = project(new ProgramDecider.Pause(LATER), 4, LATER);
        assertThat(paused.program().status()).isEqualTo("paused");
        assertThat(paused.program().nextPhaseOn()).isEqualTo(MONDAY.plusDays(14));

        var ended = project(new ProgramDecider.End(LATER), 5, LATER);
        assertThat(ended.program().status()).isEqualTo("ended");
        assertThat(ended.program().nextPhaseOn()).isNull();
        assertThat(ended.teams()).isEmpty();
        assertThat(ended.champions()).isEmpty();
    }

    @Test
    void appointing_and_revoking_champions_rewrite_the_program_s_champion_rows() {
        apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA, teamB)), AT));
        UUID ada = UUID.randomUUID();
        UUID lin = UUID.randomUUID();
        apply(new ProgramDecider.AppointChampion(teamA, ada, AT));
        var appointed = project(new ProgramDecider.AppointChampion(teamB, lin, LATER), 3, LATER);
        assertThat(appointed.teams()).isEmpty();
        assertThat(appointed.champions().orElseThrow()).containsExactlyInAnyOrder(
                new ProgramProjection.ChampionRow(teamA, ada, AT), new ProgramProjection.ChampionRow(teamB, lin, LATER));

        var revoked = project(new ProgramDecider.RevokeChampion(teamA, ada, LATER), 4, LATER);
        assertThat(revoked.champions()).contains(List.of(new ProgramProjection.ChampionRow(teamB, lin, LATER)));
    }

    @Test
    void editing_the_draft_rewrites_its_teams_and_drops_the_champions_of_a_team_that_left() {
        apply(new ProgramDecider.CreateDraft(id, draft(List.of(teamA, teamB)), AT));
        UUID ada = UUID.randomUUID();
        UUID lin = UUID.randomUUID();
        apply(new ProgramDecider.AppointChampion(teamA, ada, AT));
        apply(new ProgramDecider.AppointChampion(teamB, lin, AT));

        var edited = project(new ProgramDecider.EditDraft(draft(List.of(teamB)), LATER), 4, LATER);
        assertThat(edited.teams()).contains(List.of(teamB));
        assertThat(edited.champions()).contains(List.of(new ProgramProjection.ChampionRow(teamB, lin, AT)));
    }

    /** Decides the command, then projects its events onto the state after them, as {@code Programs} does. */
    private ProgramProjection.RowChanges project(ProgramDecider.Command command, long version, Instant at) {
        List<ProgramEvent> events = apply(command);
        return ProgramProjection.of(state(), version, events, at).orElseThrow();
    }

    private ProgramDraft draft(List<UUID> teams) {
        return new ProgramDraft("Stand up", List.of(new ProgramDraft.PhaseDraft(1, 45, 120),
                new ProgramDraft.PhaseDraft(3, 30, 240)), 20, 60, teams);
    }

    private List<ProgramEvent> apply(ProgramDecider.Command command) {
        List<ProgramEvent> events = decider.decide(command, state());
        history.addAll(events);
        return events;
    }

    private ProgramDecider.Program state() {
        return decider.fold(history);
    }
}
