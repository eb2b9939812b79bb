package io.upright.programs.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which rows of the program read model (program, program_team, program_champion) a command's new events change,
 * and to what. Pure: {@link ProgramReadModel} writes what this decides. The program row follows the aggregate's
 * state after every command with events; a program's team and champion rows are replaced only by the events that
 * can change them.
 */
public final class ProgramProjection {

    private ProgramProjection() {
    }

    /** The program row as the read model holds it ({@code createdAt} is set by the first write only). */
    public record ProgramRow(UUID id, String title, String status, List<Phase> phases, int minBreakEveryMinutes,
                             int maxBreakEveryMinutes, LocalDate startsOn, int currentPhase, LocalDate nextPhaseOn,
                             long version, Instant updatedAt) {
    }

    public record ChampionRow(UUID teamId, UUID employeeId, Instant appointedAt) {
    }

    /**
     * @param teams      when present, the program's team rows become exactly these
     * @param champions  when present, the program's champion rows become exactly these
     */
    public record RowChanges(ProgramRow program, Optional<List<UUID>> teams, Optional<List<ChampionRow>> champions) {
    }

    /** @return nothing when the command changed nothing (no new events) */
    public static Optional<RowChanges> of(ProgramDecider.Program state, long version, List<ProgramEvent> newEvents,
                                          Instant now) {
        if (newEvents.isEmpty()) {
            return Optional.empty();
        }
        ProgramRow row = new ProgramRow(state.id(), state.title(), state.status().label(), state.phases(),
                state.minBreakEveryMinutes(), state.maxBreakEveryMinutes(), state.startsOn(), state.phasesStarted(),
                state.nextPhaseOn().orElse(null), version, now);
        boolean teamsChange = newEvents.stream().anyMatch(ProgramProjection::changesTeams);
        // a draft (re)names the teams, and champions of a team that left the draft go with it
        boolean championsChange = teamsChange || newEvents.stream().anyMatch(e ->
                e instanceof ProgramEvent.ChampionAppointed || e instanceof ProgramEvent.ChampionRevoked);
        return Optional.of(new RowChanges(row,
                teamsChange ? Optional.of(List.copyOf(state.teamIds())) : Optional.empty(),
                championsChange ? Optional.of(championRows(state)) : Optional.empty()));
    }

    private static boolean changesTeams(ProgramEvent event) {
        return event instanceof ProgramEvent.Drafted || event instanceof ProgramEvent.DraftEdited;
    }

    private static List<ChampionRow> championRows(ProgramDecider.Program state) {
        List<ChampionRow> rows = new ArrayList<>();
        for (Map.Entry<UUID, Map<UUID, Instant>> team : state.champions().entrySet()) {
            for (Map.Entry<UUID, Instant> champion : team.getValue().entrySet()) {
                rows.add(new ChampionRow(team.getKey(), champion.getKey(), champion.getValue()));
            }
        }
        return List.copyOf(rows);
    }
}
