package io.upright.programs.program;

import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Answers questions about programs from the read model, as views. */
@ApplicationScoped
public class ProgramQueries {

    @Inject
    ProgramReadModel readModel;

    public ProgramView get(String tenant, UUID id) {
        return view(record(tenant, id));
    }

    /** Ordered by creation, newest first, then id. */
    public List<ProgramView> list(String tenant, int page, int size) {
        return readModel.page(tenant, page, size).stream().map(this::view).toList();
    }

    public long count(String tenant) {
        return readModel.count(tenant);
    }

    /** Champions of one team of a program, ordered by appointment. */
    public List<ProgramReadModel.Champion> champions(String tenant, UUID id, UUID teamId) {
        requireTeamOf(tenant, id, teamId);
        return readModel.championsOfTeam(tenant, id, teamId);
    }

    /** Every champion role an employee holds, in any program. */
    public List<ProgramReadModel.Champion> championRolesOf(String tenant, UUID employeeId) {
        return readModel.championRolesOf(tenant, employeeId);
    }

    /** Programs a team takes part in, any status, newest first. */
    public List<ProgramView> ofTeam(String tenant, UUID teamId) {
        return readModel.programIdsOfTeam(tenant, teamId).stream().map(id -> record(tenant, id)).map(this::view)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    /** The program's row, or a 404 for a program of no one or of another tenant. */
    ProgramRecord record(String tenant, UUID id) {
        ProgramRecord program = readModel.find(tenant, id);
        if (program == null) {
            throw Rejection.notFound("Program " + id);
        }
        return program;
    }

    /** The program exists and the team takes part in it. */
    void requireTeamOf(String tenant, UUID id, UUID teamId) {
        record(tenant, id);
        if (!readModel.teamIds(tenant, id).contains(teamId)) {
            throw Rejection.notFound("Team " + teamId + " in this program");
        }
    }

    ProgramView view(ProgramRecord r) {
        List<Phase> phases = readModel.phases(r);
        return new ProgramView(r.id, r.title, r.status, r.startsOn, r.currentPhase == 0 ? null : r.currentPhase, r.nextPhaseOn,
                phases.stream().map(p -> new ProgramView.PhaseView(p.number(), p.startWeek(), p.breakEveryMinutes(),
                        p.dailyActiveMinutesTarget(), r.startsOn == null ? null : p.startsOn(r.startsOn))).toList(),
                r.minBreakEveryMinutes, r.maxBreakEveryMinutes, readModel.teamIds(r.tenantId, r.id), r.version, r.createdAt,
                r.updatedAt);
    }
}
