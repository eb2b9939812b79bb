package io.upright.programs.personaldata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.personaldata.PersonalDataPart;
import io.upright.programs.enrollment.EmployeeEvent;
import io.upright.programs.enrollment.EmployeeRecord;
import io.upright.programs.enrollment.EmployeeView;
import io.upright.programs.enrollment.Enrollments;
import io.upright.programs.program.ProgramQueries;
import io.upright.programs.program.ProgramView;
import io.upright.programs.team.TeamRecord;
import io.upright.programs.team.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Programs' part of an employee's data export: their profile (personal fields opened), team, own event stream,
 * the programs of their team and their champion roles. The platform serves it on its export path; the gathered
 * document ({@link PersonalDataResource}) takes the same part as its {@code programs} section.
 */
@ApplicationScoped
public class ProgramsPersonalData implements PersonalDataPart {

    private static final List<String> SEALED_FIELDS = List.of("displayName", "email", "chatHandle");

    @Inject
    Enrollments enrollments;

    @Inject
    Teams teams;

    @Inject
    ProgramQueries programs;

    @Inject
    EventStore eventStore;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Override
    public String service() {
        return "programs";
    }

    /** The part's fields without the envelope ({@code service}, {@code exportedAt}), which the platform adds. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> export(String tenant, UUID employeeId) {
        Map<String, Object> data = json.convertValue(export(tenant, employeeId, Instant.now(clock)),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
        data.remove("service");
        data.remove("exportedAt");
        return data;
    }

    /** The part as the gathered document's {@code programs} section; 404 for no such employee in the tenant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DataExport export(String tenant, UUID employeeId, Instant exportedAt) {
        EmployeeRecord employee = enrollments.get(tenant, employeeId);
        EmployeeView profile = enrollments.view(employee);
        // an erased employee's record keeps no team: only the id and the fact of the erasure remain
        TeamRecord team = employee.teamId == null ? null : teams.get(tenant, employee.teamId);
        Function<String, Optional<String>> open = enrollments.opener(tenant, employeeId);
        List<Map<String, Object>> history = eventStore.load(tenant, employeeId, EmployeeEvent.class).events().stream()
                .map(event -> historyEntry(event, open)).toList();
        List<ProgramView> theirPrograms = team == null ? List.of() : programs.ofTeam(tenant, employee.teamId);
        List<DataExport.ChampionRole> roles = programs.championRolesOf(tenant, employeeId).stream()
                .map(c -> new DataExport.ChampionRole(c.programId(), programs.get(tenant, c.programId()).title(), c.teamId(),
                        c.appointedAt())).toList();
        return new DataExport(service(), exportedAt, profile, team == null ? null : new DataExport.TeamInfo(team.id, team.name), history,
                theirPrograms, roles);
    }

    /** An event as a map with its type; sealed fields opened, or null once the key is shredded. */
    private Map<String, Object> historyEntry(EmployeeEvent event, Function<String, Optional<String>> open) {
        Map<String, Object> fields = json.convertValue(event, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        for (String field : SEALED_FIELDS) {
            if (fields.containsKey(field)) {
                fields.put(field, open.apply((String) fields.get(field)).orElse(null));
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", event.getClass().getSimpleName());
        entry.putAll(fields);
        return entry;
    }
}
