package io.upright.programs.program;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a program's life: a draft is edited until it is launched; a launched program can be paused and
 * resumed, and ended from either. Each phase starts exactly once, on its first day (phases already due at launch
 * start with the launch). Champions are appointed per team of the program.
 */
public class ProgramDecider implements Decider<ProgramDecider.Command, ProgramDecider.Program, ProgramEvent> {

    public sealed interface Command {
    }

    public record CreateDraft(UUID programId, ProgramDraft draft, Instant at) implements Command {
    }

    public record EditDraft(ProgramDraft draft, Instant at) implements Command {
    }

    /** @param today the date in the program's scheduling zone, to start the phases already due */
    public record Launch(LocalDate startsOn, LocalDate today, Instant at) implements Command {
    }

    public record Pause(Instant at) implements Command {
    }

    public record Resume(Instant at) implements Command {
    }

    public record End(Instant at) implements Command {
    }

    /** The scheduler's command: start every phase whose first day is {@code today} or earlier and has not started. */
    public record StartDuePhases(LocalDate today, Instant at) implements Command {
    }

    public record AppointChampion(UUID teamId, UUID employeeId, Instant at) implements Command {
    }

    public record RevokeChampion(UUID teamId, UUID employeeId, Instant at) implements Command {
    }

    /**
     * @param phasesStarted how many phases have started (so the current phase's number); phases start in order
     * @param champions     per team, the champions and when they were appointed
     */
    public record Program(UUID id, ProgramStatus status, String title, List<Phase> phases, int minBreakEveryMinutes,
                          int maxBreakEveryMinutes, List<UUID> teamIds, LocalDate startsOn, int phasesStarted,
                          Map<UUID, Map<UUID, Instant>> champions) {

        public boolean exists() {
            return id != null;
        }

        /** The day the next phase begins, if the program runs and a phase is still to come. */
        public Optional<LocalDate> nextPhaseOn() {
            if (status == null || !status.running() || startsOn == null || phasesStarted >= phases.size()) {
                return Optional.empty();
            }
            return Optional.of(phases.get(phasesStarted).startsOn(startsOn));
        }

        public Optional<Phase> currentPhase() {
            return phasesStarted == 0 ? Optional.empty() : Optional.of(phases.get(phasesStarted - 1));
        }

        Program with(ProgramStatus newStatus) {
            return new Program(id, newStatus, title, phases, minBreakEveryMinutes, maxBreakEveryMinutes, teamIds, startsOn,
                    phasesStarted, champions);
        }
    }

    @Override
    public Program initialState() {
        return new Program(null, null, null, List.of(), 0, 0, List.of(), null, 0, Map.of());
    }

    @Override
    public List<ProgramEvent> decide(Command command, Program program) {
        if (command instanceof CreateDraft create) {
            if (program.exists()) {
                throw Rejection.conflict("Program " + create.programId() + " already exists");
            }
            ProgramDraft draft = valid(create.draft());
            return List.of(new ProgramEvent.Drafted(create.programId(), draft.title().strip(), draft.numberedPhases(),
                    draft.minBreakEveryMinutes(), draft.maxBreakEveryMinutes(), List.copyOf(draft.teamIds()), create.at()));
        }
        if (!program.exists()) {
            throw Rejection.notFound("Program");
        }
        if (command instanceof EditDraft edit) {
            requireStatus(program, "edited", ProgramStatus.DRAFT);
            ProgramDraft draft = valid(edit.draft());
            return List.of(new ProgramEvent.DraftEdited(draft.title().strip(), draft.numberedPhases(),
                    draft.minBreakEveryMinutes(), draft.maxBreakEveryMinutes(), List.copyOf(draft.teamIds()), edit.at()));
        }
        if (command instanceof Launch launch) {
            requireStatus(program, "launched", ProgramStatus.DRAFT);
            if (launch.startsOn() == null) {
                throw Rejection.invalid("startsOn", "is required (yyyy-MM-dd)");
            }
            List<ProgramEvent> events = new ArrayList<>();
            events.add(new ProgramEvent.Launched(launch.startsOn(), launch.at()));
            events.addAll(duePhases(program.phases(), launch.startsOn(), 0, launch.today(), launch.at()));
            return events;
        }
        if (command instanceof Pause pause) {
            requireStatus(program, "paused", ProgramStatus.LAUNCHED);
            return List.of(new ProgramEvent.Paused(pause.at()));
        }
        if (command instanceof Resume resume) {
            requireStatus(program, "resumed", ProgramStatus.PAUSED);
            return List.of(new ProgramEvent.Resumed(resume.at()));
        }
        if (command instanceof End end) {
            requireStatus(program, "ended", ProgramStatus.LAUNCHED, ProgramStatus.PAUSED);
            return List.of(new ProgramEvent.Ended(end.at()));
        }
        if (command instanceof StartDuePhases due) {
            // the calendar runs on while paused, so a resumed program continues in the right phase
            if (!program.status().running()) {
                return List.of();
            }
            return duePhases(program.phases(), program.startsOn(), program.phasesStarted(), due.today(), due.at());
        }
        if (command instanceof AppointChampion appoint) {
            requireTeam(program, appoint.teamId());
            if (program.status() == ProgramStatus.ENDED) {
                throw Rejection.conflict("The program has ended; champions can no longer be appointed");
            }
            if (program.champions().getOrDefault(appoint.teamId(), Map.of()).containsKey(appoint.employeeId())) {
                return List.of(); // already a champion of this team
            }
            return List.of(new ProgramEvent.ChampionAppointed(appoint.teamId(), appoint.employeeId(), appoint.at()));
        }
        if (command instanceof RevokeChampion revoke) {
            requireTeam(program, revoke.teamId());
            if (!program.champions().getOrDefault(revoke.teamId(), Map.of()).containsKey(revoke.employeeId())) {
                throw Rejection.notFound("Champion " + revoke.employeeId() + " of team " + revoke.teamId());
            }
            return List.of(new ProgramEvent.ChampionRevoked(revoke.teamId(), revoke.employeeId(), revoke.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static List<ProgramEvent> duePhases(List<Phase> phases, LocalDate startsOn, int alreadyStarted, LocalDate today,
                                                Instant at) {
        List<ProgramEvent> events = new ArrayList<>();
        for (int i = alreadyStarted; i < phases.size(); i++) {
            LocalDate first = phases.get(i).startsOn(startsOn);
            if (first.isAfter(today)) {
                break;
            }
            events.add(new ProgramEvent.PhaseStarted(phases.get(i).number(), first, at));
        }
        return events;
    }

    private static ProgramDraft valid(ProgramDraft draft) {
        if (draft == null) {
            throw Rejection.invalid("body", "is required");
        }
        List<FieldError> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return draft;
    }

    private static void requireStatus(Program program, String verb, ProgramStatus... allowed) {
        for (ProgramStatus status : allowed) {
            if (program.status() == status) {
                return;
            }
        }
        throw Rejection.conflict("invalid-transition", "Invalid transition",
                "A " + program.status().label() + " program cannot be " + verb);
    }

    private static void requireTeam(Program program, UUID teamId) {
        if (!program.teamIds().contains(teamId)) {
            throw Rejection.notFound("Team " + teamId + " in this program");
        }
    }

    @Override
    public Program evolve(Program p, ProgramEvent event) {
        if (event instanceof ProgramEvent.Drafted d) {
            return new Program(d.programId(), ProgramStatus.DRAFT, d.title(), d.phases(), d.minBreakEveryMinutes(),
                    d.maxBreakEveryMinutes(), d.teamIds(), null, 0, Map.of());
        }
        if (event instanceof ProgramEvent.DraftEdited d) {
            // champions of teams no longer in the draft go with their team
            Map<UUID, Map<UUID, Instant>> champions = new LinkedHashMap<>(p.champions());
            champions.keySet().retainAll(d.teamIds());
            return new Program(p.id(), p.status(), d.title(), d.phases(), d.minBreakEveryMinutes(), d.maxBreakEveryMinutes(),
                    d.teamIds(), null, 0, Map.copyOf(champions));
        }
        if (event instanceof ProgramEvent.Launched l) {
            return new Program(p.id(), ProgramStatus.LAUNCHED, p.title(), p.phases(), p.minBreakEveryMinutes(),
                    p.maxBreakEveryMinutes(), p.teamIds(), l.startsOn(), 0, p.champions());
        }
        if (event instanceof ProgramEvent.PhaseStarted s) {
            return new Program(p.id(), p.status(), p.title(), p.phases(), p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(),
                    p.teamIds(), p.startsOn(), s.phaseNumber(), p.champions());
        }
        if (event instanceof ProgramEvent.Paused) {
            return p.with(ProgramStatus.PAUSED);
        }
        if (event instanceof ProgramEvent.Resumed) {
            return p.with(ProgramStatus.LAUNCHED);
        }
        if (event instanceof ProgramEvent.Ended) {
            return p.with(ProgramStatus.ENDED);
        }
        if (event instanceof ProgramEvent.ChampionAppointed a) {
            return withChampions(p, a.teamId(), a.employeeId(), a.at());
        }
        if (event instanceof ProgramEvent.ChampionRevoked r) {
            return withChampions(p, r.teamId(), r.employeeId(), null);
        }
        return p;
    }

    private static Program withChampions(Program p, UUID teamId, UUID employeeId, Instant appointedAt) {
        Map<UUID, Map<UUID, Instant>> champions = new LinkedHashMap<>(p.champions());
        Map<UUID, Instant> team = new LinkedHashMap<>(champions.getOrDefault(teamId, Map.of()));
        if (appointedAt == null) {
            team.remove(employeeId);
        } else {
            team.put(employeeId, appointedAt);
        }
        if (team.isEmpty()) {
            champions.remove(teamId);
        } else {
            champions.put(teamId, Map.copyOf(team));
        }
        return new Program(p.id(), p.status(), p.title(), p.phases(), p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(),
                p.teamIds(), p.startsOn(), p.phasesStarted(), Map.copyOf(champions));
    }
}
