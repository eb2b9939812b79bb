package io.upright.programs.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The program read model: tables program, program_team and program_champion. Writes the row changes
 * {@link ProgramProjection} decides, in the caller's transaction, and reads the rows back.
 */
@ApplicationScoped
public class ProgramReadModel {

    private static final TypeReference<List<Phase>> PHASES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** A champion as the read model holds them. */
    public record Champion(UUID programId, UUID teamId, UUID employeeId, Instant appointedAt) {
    }

    /** @return the program's row after the changes */
    public ProgramRecord apply(String tenant, UUID programId, Optional<ProgramProjection.RowChanges> changes) {
        ProgramRecord program = ProgramRecord.of(tenant, programId);
        if (changes.isEmpty()) {
            return program;
        }
        ProgramProjection.ProgramRow row = changes.get().program();
        boolean fresh = program == null;
        if (fresh) {
            program = new ProgramRecord();
            program.tenantId = tenant;
            program.id = row.id();
            program.createdAt = row.updatedAt();
        }
        program.title = row.title();
        program.status = row.status();
        program.phases = write(row.phases());
        program.minBreakEveryMinutes = row.minBreakEveryMinutes();
        program.maxBreakEveryMinutes = row.maxBreakEveryMinutes();
        program.startsOn = row.startsOn();
        program.currentPhase = row.currentPhase();
        program.nextPhaseOn = row.nextPhaseOn();
        program.version = row.version();
        program.updatedAt = row.updatedAt();
        if (fresh) {
            program.persist();
        }
        // the native statements below run after the program row exists (foreign keys)
        entityManager.flush();
        changes.get().teams().ifPresent(teams -> replaceTeams(tenant, programId, teams));
        changes.get().champions().ifPresent(champions -> replaceChampions(tenant, programId, champions));
        return program;
    }

    private void replaceTeams(String tenant, UUID programId, List<UUID> teamIds) {
        entityManager.createNativeQuery("delete from program_team where tenant_id = ?1 and program_id = ?2")
                .setParameter(1, tenant).setParameter(2, programId).executeUpdate();
        for (UUID teamId : teamIds) {
            entityManager.createNativeQuery("insert into program_team (tenant_id, program_id, team_id) values (?1, ?2, ?3)")
                    .setParameter(1, tenant).setParameter(2, programId).setParameter(3, teamId).executeUpdate();
        }
    }

    private void replaceChampions(String tenant, UUID programId, List<ProgramProjection.ChampionRow> champions) {
        entityManager.createNativeQuery("delete from program_champion where tenant_id = ?1 and program_id = ?2")
                .setParameter(1, tenant).setParameter(2, programId).executeUpdate();
        for (ProgramProjection.ChampionRow champion : champions) {
            entityManager.createNativeQuery("insert into program_champion (tenant_id, program_id, team_id, employee_id, "
                            + "appointed_at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, tenant).setParameter(2, programId).setParameter(3, champion.teamId())
                    .setParameter(4, champion.employeeId()).setParameter(5, champion.appointedAt()).executeUpdate();
        }
    }

    /** Serialises launches per tenant until the transaction ends, so two programs cannot both claim a team. */
    public void lockLaunches(String tenant) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "programs:" + tenant)
                .getSingleResult();
    }

    /** Teams of the program that already belong to another running (launched or paused) program. */
    public List<String> teamsInOtherRunningPrograms(String tenant, UUID programId) {
        List<?> taken = entityManager.createNativeQuery("select cast(mine.team_id as text) from program_team mine "
                        + "join program_team other on other.tenant_id = mine.tenant_id and other.team_id = mine.team_id "
                        + "and other.program_id <> mine.program_id "
                        + "join program p on p.tenant_id = other.tenant_id and p.id = other.program_id "
                        + "where mine.tenant_id = ?1 and mine.program_id = ?2 and p.status in ('launched', 'paused')")
                .setParameter(1, tenant).setParameter(2, programId).getResultList();
        return taken.stream().map(t -> (String) t).toList();
    }

    public ProgramRecord find(String tenant, UUID id) {
        return ProgramRecord.of(tenant, id);
    }

    /** Ordered by creation, newest first, then id. */
    public List<ProgramRecord> page(String tenant, int page, int size) {
        return ProgramRecord.<ProgramRecord>find("tenantId", Sort.descending("createdAt").and("id"), tenant)
                .page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return ProgramRecord.count("tenantId", tenant);
    }

    /** Running programs with a phase whose first day is {@code today} or earlier, the most overdue first. */
    public List<ProgramRecord> withPhaseDue(LocalDate today, int limit) {
        return ProgramRecord.<ProgramRecord>find("nextPhaseOn <= ?1 and status in ('launched', 'paused')",
                Sort.by("nextPhaseOn").and("id"), today).page(Page.ofSize(limit)).list();
    }

    public List<UUID> teamIds(String tenant, UUID programId) {
        List<?> rows = entityManager.createNativeQuery("select cast(team_id as text) from program_team "
                        + "where tenant_id = ?1 and program_id = ?2 order by team_id")
                .setParameter(1, tenant).setParameter(2, programId).getResultList();
        return rows.stream().map(v -> UUID.fromString((String) v)).toList();
    }

    /** Ids of the programs a team takes part in, any status. */
    public List<UUID> programIdsOfTeam(String tenant, UUID teamId) {
        List<?> ids = entityManager.createNativeQuery("select cast(program_id as text) from program_team "
                + "where tenant_id = ?1 and team_id = ?2").setParameter(1, tenant).setParameter(2, teamId).getResultList();
        return ids.stream().map(i -> UUID.fromString((String) i)).toList();
    }

    public List<Champion> championsOfTeam(String tenant, UUID programId, UUID teamId) {
        return championRows("tenant_id = ?1 and program_id = ?2 and team_id = ?3", tenant, programId, teamId);
    }

    public List<Champion> championRolesOf(String tenant, UUID employeeId) {
        return championRows("tenant_id = ?1 and employee_id = ?2", tenant, employeeId);
    }

    public List<Phase> phases(ProgramRecord program) {
        try {
            return json.readValue(program.phases, PHASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
}
