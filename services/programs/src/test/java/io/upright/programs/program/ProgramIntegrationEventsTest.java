package io.upright.programs.program;

import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramIntegrationEventsTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private final UUID id = UUID.randomUUID();
    private final List<UUID> teams = List.of(UUID.randomUUID(), UUID.randomUUID());
    private final List<Phase> phases = List.of(new Phase(1, 1, 45, 120), new Phase(2, 3, 30, 240));
    private final ProgramDecider.Program program = new ProgramDecider.Program(id, ProgramStatus.LAUNCHED, "Stand up",
            phases, 20, 60, teams, MONDAY, 1, Map.of());

    @Test
    void a_launch_publishes_the_whole_program_with_its_phases_and_cadence_bounds() {
        assertThat(ProgramIntegrationEvents.of(program, new ProgramEvent.Launched(MONDAY, AT))).contains(
                new ProgramLaunched(id, "Stand up", teams, MONDAY,
                        List.of(new ProgramPhase(1, 1, 45, 120), new ProgramPhase(2, 3, 30, 240)), 20, 60, AT));
    }

    @Test
    void a_started_phase_publishes_that_phase_s_cadence_and_target() {
        assertThat(ProgramIntegrationEvents.of(program, new ProgramEvent.PhaseStarted(2, MONDAY.plusDays(14), AT)))
                .contains(new ProgramPhaseStarted(id, teams, 2, 30, 240, 20, 60, MONDAY.plusDays(14), AT));
    }

    @Test
    void pause_resume_and_end_publish_the_program_and_its_teams() {
        assertThat(ProgramIntegrationEvents.of(program, new ProgramEvent.Paused(AT))).contains(new ProgramPaused(id, teams, AT));
        assertThat(ProgramIntegrationEvents.of(program, new ProgramEvent.Resumed(AT))).contains(new ProgramResumed(id, teams, AT));
        assertThat(ProgramIntegrationEvents.of(program, new ProgramEvent.Ended(AT))).contains(new ProgramEnded(id, teams, AT));
    }

    @Test
    void drafts_and_champions_stay_inside_programs() {
        UUID team = teams.get(0);
        UUID employee = UUID.randomUUID();
        List<ProgramEvent> internal = List.of(
                new ProgramEvent.Drafted(id, "Stand up", phases, 20, 60, teams, AT),
                new ProgramEvent.DraftEdited("Renamed", phases, 20, 60, teams, AT),
                new ProgramEvent.ChampionAppointed(team, employee, AT),
                new ProgramEvent.ChampionRevoked(team, employee, AT));
        for (ProgramEvent event : internal) {
            assertThat(ProgramIntegrationEvents.of(program, event)).as(event.toString()).isEmpty();
        }
        assertThat(ProgramIntegrationEvents.of(program, internal)).isEmpty();
    }

    @Test
    void a_command_s_events_publish_in_order_skipping_the_internal_ones() {
        List<IntegrationEvent> published = ProgramIntegrationEvents.of(program, List.of(
                new ProgramEvent.Launched(MONDAY, AT), new ProgramEvent.ChampionAppointed(teams.get(0), UUID.randomUUID(), AT),
                new ProgramEvent.PhaseStarted(1, MONDAY, AT)));
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOf(ProgramLaunched.class);
        assertThat(published.get(1)).isEqualTo(new ProgramPhaseStarted(id, teams, 1, 45, 120, 20, 60, MONDAY, AT));
    }

    @Test
    void every_program_event_type_is_covered_here() {
        // a new event type must be added to one of the tests above (published or deliberately internal)
        assertThat(ProgramEvent.class.getPermittedSubclasses()).extracting(Class::getSimpleName).containsExactlyInAnyOrder(
                "Drafted", "DraftEdited", "Launched", "PhaseStarted", "Paused", "Resumed", "Ended", "ChampionAppointed",
                "ChampionRevoked");
    }
}
