package io.upright.programs.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.FieldError;
import io.upright.platform.problem.ProblemException;
import io.upright.programs.ProgramsConfig;
import io.upright.programs.enrollment.EmployeeRecord;
import io.upright.programs.team.TeamRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Application service for programs: each command goes through {@link ProgramDecider}; the new events, the read
 * model (program, program_team, program_champion) and the integration events in the outbox commit together.
 */
@ApplicationScoped
public class Programs {

    public static final String STREAM = "program";
    private static final TypeReference<List<Phase>> PHASES = new TypeReference<>() {
    };

    private final ProgramDecider decider = new ProgramDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    ProgramsConfig config;

    /** A champion as the read model holds them. */
    public record Champion(UUID programId, UUID teamId, UUID employeeId, Instant appointedAt) {
    }

    @Transactional
    public ProgramView create(String tenant, ProgramDraft draft) {
        requireValidWithTeams(tenant, draft);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.CreateDraft(id, draft, now), OptionalLong.empty(), now);
    }

    @Transactional
    public ProgramView edit(String tenant, UUID id, ProgramDraft draft, OptionalLong ifMatch) {
        record(tenant, id);
        requireValidWithTeams(tenant, draft);
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.EditDraft(draft, now), ifMatch, now);
    }

    @Transactional
    public ProgramView launch(String tenant, UUID id, LocalDate startsOn, OptionalLong ifMatch) {
        record(tenant, id);
        // one launch per tenant at a time, so two programs cannot both claim a team between check and commit
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "programs:" + tenant)
                .getSingleResult();
        List<?> taken = entityManager.createNativeQuery("select cast(mine.team_id as text) from program_team mine "
                        + "join program_team other on other.tenant_id = mine.tenant_id and other.team_id = mine.team_id "
                        + "and other.program_id <> mine.program_id "
                        + "join program p on p.tenant_id = other.tenant_id and p.id = other.program_id "
                        + "where mine.tenant_id = ?1 and mine.program_id = ?2 and p.status in ('launched', 'paused')")
                .setParameter(1, tenant).setParameter(2, id).getResultList();
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("Team " + taken.get(0) + " already belongs to a running program");
        }
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.Launch(startsOn, today(now), now), ifMatch, now);
    }

    @Transactional
    public ProgramView pause(String tenant, UUID id, OptionalLong ifMatch) {
        record(tenant, id);
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.Pause(now), ifMatch, now);
    }

    @Transactional
    public ProgramView resume(String tenant, UUID id, OptionalLong ifMatch) {
        record(tenant, id);
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.Resume(now), ifMatch, now);
    }

    @Transactional
    public ProgramView end(String tenant, UUID id, OptionalLong ifMatch) {
        record(tenant, id);
        Instant now = Instant.now();
        return run(tenant, id, new ProgramDecider.End(now), ifMatch, now);
    }

    /** The scheduler's step for one program. @return how many phases started */
    @Transactional
    public int startDuePhases(String tenant, UUID id, Instant now) {
        Decision<ProgramDecider.Program, ProgramEvent> decision = aggregates.handle(tenant, STREAM, id, ProgramEvent.class,
                decider, new ProgramDecider.StartDuePhases(today(now), now), OptionalLong.empty());
        project(tenant, decision, now);
        publish(tenant, decision);
        return decision.newEvents().size();
    }

    @Transactional
    public void appointChampion(String tenant, UUID id, UUID teamId, UUID employeeId) {
        record(tenant, id);
        if (!teamIds(tenant, id).contains(teamId)) {
            throw ProblemException.notFound("Team " + teamId + " in this program");
        }
        EmployeeRecord employee = employeeId == null ? null : EmployeeRecord.of(tenant, employeeId);
        if (employee == null || !teamId.equals(employee.teamId) || employee.leftAt != null || employee.erasedAt != null) {
            throw ProblemException.invalid("employeeId", "must be an employee enrolled in team " + teamId);
        }
        Instant now = Instant.now();
        run(tenant, id, new ProgramDecider.AppointChampion(teamId, employeeId, now), OptionalLong.empty(), now);
    }

    @Transactional
    public void revokeChampion(String tenant, UUID id, UUID teamId, UUID employeeId) {
        record(tenant, id);
        Instant now = Instant.now();
        run(tenant, id, new ProgramDecider.RevokeChampion(teamId, employeeId, now), OptionalLong.empty(), now);
    }

    public ProgramView get(String tenant, UUID id) {
        return view(record(tenant, id));
    }

    /** Ordered by creation, newest first, then id. */
    public List<ProgramView> list(String tenant, int page, int size) {
        return ProgramRecord.<ProgramRecord>find("tenantId", Sort.descending("createdAt").and("id"), tenant)
                .page(Page.of(page, size)).list().stream().map(this::view).toList();
    }

    public long count(String tenant) {
        return ProgramRecord.count("tenantId", tenant);
    }

    /** Champions of one team of a program, ordered by appointment. */
    public List<Champion> champions(String tenant, UUID id, UUID teamId) {
        record(tenant, id);
        if (!teamIds(tenant, id).contains(teamId)) {
            throw ProblemException.notFound("Team " + teamId + " in this program");
        }
        return championRows("tenant_id = ?1 and program_id = ?2 and team_id = ?3", tenant, id, teamId);
    }

    /** Every champion role an employee holds, in any program. */
    public List<Champion> championRolesOf(String tenant, UUID employeeId) {
        return championRows("tenant_id = ?1 and employee_id = ?2", tenant, employeeId);
    }

    /** Programs a team takes part in, any status, newest first. */
    public List<ProgramView> ofTeam(String tenant, UUID teamId) {
        List<?> ids = entityManager.createNativeQuery("select cast(program_id as text) from program_team "
                + "where tenant_id = ?1 and team_id = ?2").setParameter(1, tenant).setParameter(2, teamId).getResultList();
        return ids.stream().map(i -> record(tenant, UUID.fromString((String) i))).map(this::view)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    /** Programs the scheduler should look at: running, with a phase whose first day is {@code today} or earlier. */
    @Transactional
    public List<ProgramRecord> withPhaseDue(LocalDate today, int limit) {
        return ProgramRecord.<ProgramRecord>find("nextPhaseOn <= ?1 and status in ('launched', 'paused')",
                Sort.by("nextPhaseOn").and("id"), today).page(Page.ofSize(limit)).list();
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.scheduleZone());
    }

    private ProgramView run(String tenant, UUID id, ProgramDecider.Command command, OptionalLong ifMatch, Instant now) {
        Decision<ProgramDecider.Program, ProgramEvent> decision = aggregates.handle(tenant, STREAM, id, ProgramEvent.class,
                decider, command, ifMatch);
        ProgramRecord program = project(tenant, decision, now);
        publish(tenant, decision);
        return view(program);
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
            throw ProblemException.invalid(errors);
        }
    }

    private ProgramRecord record(String tenant, UUID id) {
        ProgramRecord program = ProgramRecord.of(tenant, id);
        if (program == null) {
            throw ProblemException.notFound("Program " + id);
        }
        return program;
    }

    private ProgramRecord project(String tenant, Decision<ProgramDecider.Program, ProgramEvent> decision, Instant now) {
        ProgramDecider.Program state = decision.state();
        ProgramRecord program = ProgramRecord.of(tenant, state.id());
        if (decision.newEvents().isEmpty() && program != null) {
            return program;
        }
        boolean fresh = program == null;
        if (fresh) {
            program = new ProgramRecord();
            program.tenantId = tenant;
            program.id = state.id();
            program.createdAt = now;
        }
        program.title = state.title();
        program.status = state.status().label();
        program.phases = write(state.phases());
        program.minBreakEveryMinutes = state.minBreakEveryMinutes();
        program.maxBreakEveryMinutes = state.maxBreakEveryMinutes();
        program.startsOn = state.startsOn();
        program.currentPhase = state.phasesStarted();
        program.nextPhaseOn = state.nextPhaseOn().orElse(null);
        program.version = decision.version();
        program.updatedAt = now;
        if (fresh) {
            program.persist();
        }
        entityManager.flush();
        entityManager.createNativeQuery("delete from program_team where tenant_id = ?1 and program_id = ?2")
                .setParameter(1, tenant).setParameter(2, state.id()).executeUpdate();
        for (UUID teamId : state.teamIds()) {
            entityManager.createNativeQuery("insert into program_team (tenant_id, program_id, team_id) values (?1, ?2, ?3)")
                    .setParameter(1, tenant).setParameter(2, state.id()).setParameter(3, teamId).executeUpdate();
        }
        entityManager.createNativeQuery("delete from program_champion where tenant_id = ?1 and program_id = ?2")
                .setParameter(1, tenant).setParameter(2, state.id()).executeUpdate();
        for (Map.Entry<UUID, Map<UUID, Instant>> team : state.champions().entrySet()) {
            for (Map.Entry<UUID, Instant> champion : team.getValue().entrySet()) {
                entityManager.createNativeQuery("insert into program_champion (tenant_id, program_id, team_id, employee_id, "
                                + "appointed_at) values (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, tenant).setParameter(2, state.id()).setParameter(3, team.getKey())
                        .setParameter(4, champion.getKey()).setParameter(5, champion.getValue()).executeUpdate();
            }
        }
        return program;
    }

    private void publish(String tenant, Decision<ProgramDecider.Program, ProgramEvent> decision) {
        ProgramDecider.Program p = decision.state();
        for (ProgramEvent event : decision.newEvents()) {
            IntegrationEvent integration = null;
            if (event instanceof ProgramEvent.Launched launched) {
                integration = new ProgramLaunched(p.id(), p.title(), p.teamIds(), launched.startsOn(),
                        p.phases().stream().map(x -> new ProgramPhase(x.number(), x.startWeek(), x.breakEveryMinutes(),
                                x.dailyActiveMinutesTarget())).toList(),
                        p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(), launched.at());
            } else if (event instanceof ProgramEvent.PhaseStarted started) {
                Phase phase = p.phases().get(started.phaseNumber() - 1);
                integration = new ProgramPhaseStarted(p.id(), p.teamIds(), phase.number(), phase.breakEveryMinutes(),
                        phase.dailyActiveMinutesTarget(), p.minBreakEveryMinutes(), p.maxBreakEveryMinutes(),
                        started.startedOn(), started.at());
            } else if (event instanceof ProgramEvent.Paused paused) {
                integration = new ProgramPaused(p.id(), p.teamIds(), paused.at());
            } else if (event instanceof ProgramEvent.Resumed resumed) {
                integration = new ProgramResumed(p.id(), p.teamIds(), resumed.at());
            } else if (event instanceof ProgramEvent.Ended ended) {
                integration = new ProgramEnded(p.id(), p.teamIds(), ended.at());
            }
            // drafts and champions stay inside programs
            if (integration != null) {
                outbox.enqueue(tenant, integration);
            }
        }
    }

    private ProgramView view(ProgramRecord r) {
        List<Phase> phases = read(r.phases);
        return new ProgramView(r.id, r.title, r.status, r.startsOn, r.currentPhase == 0 ? null : r.currentPhase, r.nextPhaseOn,
                phases.stream().map(p -> new ProgramView.PhaseView(p.number(), p.startWeek(), p.breakEveryMinutes(),
                        p.dailyActiveMinutesTarget(), r.startsOn == null ? null : p.startsOn(r.startsOn))).toList(),
                r.minBreakEveryMinutes, r.maxBreakEveryMinutes, teamIds(r.tenantId, r.id), r.version, r.createdAt, r.updatedAt);
    }

    private List<UUID> teamIds(String tenant, UUID programId) {
        List<?> rows = entityManager.createNativeQuery("select cast(team_id as text) from program_team "
                        + "where tenant_id = ?1 and program_id = ?2 order by team_id")
                .setParameter(1, tenant).setParameter(2, programId).getResultList();
        return rows.stream().map(v -> UUID.fromString((String) v)).toList();
    }

    private List<Champion> championRows(String where, Object... params) {
        var query = entityManager.createNativeQuery("select cast(program_id as text), cast(team_id as text), "
                + "cast(employee_id as text), appointed_at from program_champion where " + where
                + " order by appointed_at, employee_id");
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<Champion> champions = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cols = (Object[]) row;
            champions.add(new Champion(UUID.fromString((String) cols[0]), UUID.fromString((String) cols[1]),
                    UUID.fromString((String) cols[2]), toInstant(cols[3])));
        }
        return champions;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private String write(List<Phase> phases) {
        try {
            return json.writeValueAsString(phases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Phase> read(String phases) {
        try {
            return json.readValue(phases, PHASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
