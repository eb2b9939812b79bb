package io.upright.programs.program;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happened to a program, as stored in the programs event store (stream type {@code program}). */
public sealed interface ProgramEvent {

    @EventName("Drafted")
    record Drafted(UUID programId, String title, List<Phase> phases, int minBreakEveryMinutes, int maxBreakEveryMinutes,
                   List<UUID> teamIds, Instant at) implements ProgramEvent {
    }

    @EventName("DraftEdited")
    record DraftEdited(String title, List<Phase> phases, int minBreakEveryMinutes, int maxBreakEveryMinutes,
                       List<UUID> teamIds, Instant at) implements ProgramEvent {
    }

    @EventName("Launched")
    record Launched(LocalDate startsOn, Instant at) implements ProgramEvent {
    }

    /** Emitted once per phase, on the phase's first day (or at launch for phases already due). */
    @EventName("PhaseStarted")
    record PhaseStarted(int phaseNumber, LocalDate startedOn, Instant at) implements ProgramEvent {
    }

    @EventName("Paused")
    record Paused(Instant at) implements ProgramEvent {
    }

    @EventName("Resumed")
    record Resumed(Instant at) implements ProgramEvent {
    }

    @EventName("Ended")
    record Ended(Instant at) implements ProgramEvent {
    }

    @EventName("ChampionAppointed")
    record ChampionAppointed(UUID teamId, UUID employeeId, Instant at) implements ProgramEvent {
    }

    @EventName("ChampionRevoked")
    record ChampionRevoked(UUID teamId, UUID employeeId, Instant at) implements ProgramEvent {
    }
}
