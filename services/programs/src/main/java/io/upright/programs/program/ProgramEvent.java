package io.upright.programs.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happened to a program, as stored in the programs event store (stream type {@code program}). */
public sealed interface ProgramEvent {

    record Drafted(UUID programId, String title, List<Phase> phases, int minBreakEveryMinutes, int maxBreakEveryMinutes,
                   List<UUID> teamIds, Instant at) implements ProgramEvent {
    }

    record DraftEdited(String title, List<Phase> phases, int minBreakEveryMinutes, int maxBreakEveryMinutes,
                       List<UUID> teamIds, Instant at) implements ProgramEvent {
    }

    record Launched(LocalDate startsOn, Instant at) implements ProgramEvent {
    }

    /** Emitted once per phase, on the phase's first day (or at launch for phases already due). */
    record PhaseStarted(int phaseNumber, LocalDate startedOn, Instant at) implements ProgramEvent {
    }

    record Paused(Instant at) implements ProgramEvent {
    }

    record Resumed(Instant at) implements ProgramEvent {
    }

    record Ended(Instant at) implements ProgramEvent {
    }

    record ChampionAppointed(UUID teamId, UUID employeeId, Instant at) implements ProgramEvent {
    }

    record ChampionRevoked(UUID teamId, UUID employeeId, Instant at) implements ProgramEvent {
    }
}
