package io.upright.programs.program;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.programs.ProgramsConfig;
import io.upright.programs.enrollment.EmployeeRecord;
import io.upright.programs.team.TeamRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Application service for programs: each command goes through {@link ProgramDecider}; the new events, the read
 * model ({@link ProgramProjection} -> {@link ProgramReadModel}) and the integration events
 * ({@link ProgramIntegrationEvents}) in the outbox commit together. Queries are {@link ProgramQueries}.
 */
@ApplicationScoped
public class Programs {

    public static final Aggregate<ProgramDecider.Command, ProgramDecider.Program, ProgramEvent> PROGRAM =
            Aggregate.of("program", ProgramEvent.class, new ProgramDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    ProgramReadModel readModel;

    @Inject
    ProgramQueries queries;

    @Inject
    ProgramsConfig config;

    @Inject
    Clock clock;

    @Transactional
    public ProgramView create(String tenant, ProgramDraft draft) {
        requireValidWithTeams(tenant, draft);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.CreateDraft(id, draft, now), OptionalLong.empty(), now);
    }

    @Transactional
    public ProgramView edit(String tenant, UUID id, ProgramDraft draft, OptionalLong ifMatch) {
        queries.record(tenant, id);
        requireValidWithTeams(tenant, draft);
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.EditDraft(draft, now), ifMatch, now);
    }

    @Transactional
    public ProgramView launch(String tenant, UUID id, LocalDate startsOn, OptionalLong ifMatch) {
        queries.record(tenant, id);
        // one launch per tenant at a time, so two programs cannot both claim a team between check and commit
        readModel.lockLaunches(tenant);
        List<String> taken = readModel.teamsInOtherRunningPrograms(tenant, id);
        if (!taken.isEmpty()) {
            throw Rejection.conflict("Team " + taken.get(0) + " already belongs to a running program");
        }
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.Launch(startsOn, today(now), now), ifMatch, now);
    }

    @Transactional
    public ProgramView pause(String tenant, UUID id, OptionalLong ifMatch) {
        queries.record(tenant, id);
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.Pause(now), ifMatch, now);
    }

    @Transactional
    public ProgramView resume(String tenant, UUID id, OptionalLong ifMatch) {
        queries.record(tenant, id);
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.Resume(now), ifMatch, now);
    }

    @Transactional
    public ProgramView end(String tenant, UUID id, OptionalLong ifMatch) {
        queries.record(tenant, id);
        Instant now = Instant.now(clock);
        return run(tenant, id, new ProgramDecider.End(now), ifMatch, now);
    }

    @Transactional
    public void appointChampion(String tenant, UUID id, UUID teamId, UUID employeeId) {
        queries.requireTeamOf(tenant, id, teamId);
        EmployeeRecord employee = employeeId == null ? null : EmployeeRecord.of(tenant, employeeId);
        if (employee == null || !teamId.equals(employee.teamId) || employee.leftAt != null || employee.erasedAt != null) {
            throw Rejection.invalid("employeeId", "must be an employee enrolled in team " + teamId);
        }
        Instant now = Instant.now(clock);
        run(tenant, id, new ProgramDecider.AppointChampion(teamId, employeeId, now), OptionalLong.empty(), now);
    }

    @Transactional
    public void revokeChampion(String tenant, UUID id, UUID teamId, UUID employeeId) {
        queries.record(tenant, id);
        Instant now = Instant.now(clock);
        run(tenant, id, new ProgramDecider.RevokeChampion(teamId, employeeId, now), OptionalLong.empty(), now);
    }

    /** The scheduler's step for one program. @return how many phases started */
    @Transactional
    public int startDuePhases(String tenant, UUID id, Instant now) {
        return decide(tenant, id, new ProgramDecider.StartDuePhases(today(now), now), OptionalLong.empty(), now)
                .newEvents().size();
    }

    /** Programs the scheduler should look at: running, with a phase whose first day is {@code today} or earlier. */
    @Transactional
    public List<ProgramRecord> withPhaseDue(LocalDate today, int limit) {
        return readModel.withPhaseDue(today, limit);
    }

    /** The program day {@code now} falls on, in the schedule zone. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.scheduleZone());
    }

    private ProgramView run(String tenant, UUID id, ProgramDecider.Command command, OptionalLong ifMatch, Instant now) {
        decide(tenant, id, command, ifMatch, now);
        return queries.get(tenant, id);
    }

    private Decision<ProgramDecider.Program, ProgramEvent> decide(String tenant, UUID id, ProgramDecider.Command command,
                                                                  OptionalLong ifMatch, Instant now) {
        Decision<ProgramDecider.Program, ProgramEvent> decision = aggregates.handle(tenant, PROGRAM, id, command, ifMatch);
        readModel.apply(tenant, id, ProgramProjection.of(decision.state(), decision.version(), decision.newEvents(), now));
        ProgramIntegrationEvents.of(decision.state(), decision.newEvents()).forEach(e -> outbox.enqueue(tenant, e));
        return decision;
    }

    private void requireValidWithTeams(String tenant, ProgramDraft draft) {
        List<FieldError> errors = new ArrayList<>(draft.problems());
        if (draft.teamIds() != null) {
            for (int i = 0; i < draft.teamIds().size(); i++) {
                UUID teamId = draft.teamIds().get(i);
                if (teamId != null && TeamRecord.of(tenant, teamId) == null) {
                    errors.add(new FieldError("teamIds[" + i + "]", "no such team"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
    }
}
