package io.upright.programs;

import io.upright.platform.eventstore.EventNames;
import io.upright.programs.enrollment.EmployeeEvent;
import io.upright.programs.program.ProgramEvent;
import io.upright.programs.team.TeamEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * These names and versions are stored history: every row of the event store carries one. They must never change;
 * a new shape of an event gets a new version and an upcaster, not a new name.
 */
class StoredEventNamesTest {

    @Test
    void team_events() {
        assertThat(EventNames.of(TeamEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TeamFormed", 1));
    }

    @Test
    void employee_events() {
        assertThat(EventNames.of(EmployeeEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EmployeeJoined", 1,
                "LeftProgram", 1,
                "PersonalDataErased", 1));
    }

    @Test
    void program_events() {
        assertThat(EventNames.of(ProgramEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Drafted", 1,
                "DraftEdited", 1,
                "Launched", 1,
                "PhaseStarted", 1,
                "Paused", 1,
                "Resumed", 1,
                "Ended", 1,
                "ChampionAppointed", 1,
                "ChampionRevoked", 1));
    }
}
