package io.upright.programs.program;

import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;

import java.util.List;
import java.util.Optional;

/**
 * Which integration events (topic {@code upright.programs}) a program's domain events publish. Pure. Drafts and
 * champions stay inside programs, so they publish nothing.
 */
public final class ProgramIntegrationEvents {

    private ProgramIntegrationEvents() {
    }

    /** @param program the program's state after the command, which fills in what the domain event leaves out */
    public static List<IntegrationEvent> of(ProgramDecider.Program program, List<ProgramEvent> events) {
        return events.stream().map(e -> of(program, e)).flatMap(Optional::stream).toList();
    }

    public static Optional<IntegrationEvent> of(ProgramDecider.Program p, ProgramEvent event) {
        if (event instanceof ProgramEvent.Launched launched) {
            return Optional.of(new ProgramLaunched(p.id(), p.title(), p.teamIds(), launched.startsOn(),
                    p.phases().stream().map(x -> new ProgramPhase(x.number(), x.startWeek(), x.breakEveryMinutes(),
                            x.dailyActiveMinutesTarget())).toList(),
                    p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(), launched.at()));
        }
        if (event instanceof ProgramEvent.PhaseStarted started) {
            Phase phase = p.phases().get(started.phaseNumber() - 1);
            return Optional.of(new ProgramPhaseStarted(p.id(), p.teamIds(), phase.number(), phase.breakEveryMinutes(),
                    phase.dailyActiveMinutesTarget(), p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(),
                    started.startedOn(), started.at()));
        }
        if (event instanceof ProgramEvent.Paused paused) {
            return Optional.of(new ProgramPaused(p.id(), p.teamIds(), paused.at()));
        }
        if (event instanceof ProgramEvent.Resumed resumed) {
            return Optional.of(new ProgramResumed(p.id(), p.teamIds(), resumed.at()));
        }
        if (event instanceof ProgramEvent.Ended ended) {
            return Optional.of(new ProgramEnded(p.id(), p.teamIds(), ended.at()));
        }
        return Optional.empty();
    }
}
