package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * HR's programs: the list, and the wizard that drafts a program, appoints a champion per team and launches it, in
 * that order, through programs' own endpoints. If a later step is refused, the page shows why at the field and keeps
 * the draft's id, so the next try edits that draft instead of leaving a second one behind.
 */
@Path("/hr/programs")
@Produces(MediaType.TEXT_HTML)
public class ProgramPages {

    /** Programs' largest page: a tenant's teams, a team's employees to choose a champion from. */
    static final int PAGE = 200;

    @Inject
    HrConsole console;

    @Inject
    @RestClient
    ConsoleApi api;

    @Inject
    @Location("console/programs.html")
    Template list;

    @Inject
    @Location("console/wizard.html")
    Template wizard;

    /** One team on the wizard: tick it, and choose its champion among its employees. */
    public record TeamChoice(UUID id, String name, boolean checked, String championField, String championAnchor,
                             List<Option> options, String error) {
    }

    /** An employee to choose as champion. */
    public record Option(String id, String name, boolean selected) {
    }

    /** One field of a phase row: name and id on the form, what was typed, and the service's word on it. */
    public record PhaseField(String name, String id, String label, String value, String error, int min, int max) {
    }

    public record PhaseRow(int number, List<PhaseField> fields) {
    }

    @GET
    public Response list(@RestQuery("launched") String launched) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        try {
            ConsoleApi.Page<ConsoleApi.Program> programs = api.programs(0, 100);
            return Response.ok(list.data("programs", programs.items()).data("launched", launched != null)
                    .data("problem", null)).build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
            return Response.status(problem.pageStatus())
                    .entity(list.data("programs", List.of()).data("launched", false).data("problem", problem)).build();
        }
    }

    @GET
    @Path("/new")
    public Response form() {
        if (!console.allowed()) {
            return console.forbidden();
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("minBreakEveryMinutes", "20");
        defaults.put("maxBreakEveryMinutes", "60");
        defaults.put(ProgramWizard.phaseField(0, "startWeek"), "1");
        defaults.put(ProgramWizard.phaseField(0, "breakEveryMinutes"), "45");
        defaults.put(ProgramWizard.phaseField(0, "dailyActiveMinutesTarget"), "120");
        return render(200, defaults, Set.of(), null, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(MultivaluedMap<String, String> form) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        ConsoleMessages texts = console.texts();
        ProgramWizard.Read read = ProgramWizard.read(form, new ProgramWizard.Texts(texts.wholeNumber(), texts.dateFormat(),
                texts.required()));
        if (!read.sendable()) {
            ServiceProblem problem = new ServiceProblem(400, "", texts.checkFields(), read.errors());
            return render(400, read.values(), read.teamIds(), read.programId(), problem);
        }
        UUID programId = read.programId();
        try {
            if (programId == null) {
                programId = api.createDraft(read.draft()).id();
            } else {
                ConsoleApi.Program current = api.program(programId);
                api.editDraft(programId, "\"" + current.version() + "\"", read.draft());
            }
        } catch (WebApplicationException | ProcessingException e) {
            return refused(read, programId, read.onForm(ServiceProblem.of(e, console.unavailable())));
        }
        for (Map.Entry<UUID, UUID> champion : read.champions().entrySet()) {
            try {
                api.appoint(programId, champion.getKey(), new ConsoleApi.Appointment(champion.getValue()));
            } catch (WebApplicationException | ProcessingException e) {
                ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
                // programs names employeeId: on this form that is the team's champion choice
                String field = ProgramWizard.championField(champion.getKey());
                List<ServiceProblem.FieldError> errors = problem.fieldErrors().isEmpty() && problem.status() < 500
                        ? List.of(new ServiceProblem.FieldError(field, problem.detail()))
                        : problem.fieldErrors().stream().map(f -> new ServiceProblem.FieldError(field, f.message())).toList();
                return refused(read, programId, new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors));
            }
        }
        try {
            api.launch(programId, new ConsoleApi.Launch(read.startsOn()));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
            // a launch is refused for its date or because a team is already in a running program: said at the date
            List<ServiceProblem.FieldError> errors = problem.status() >= 500 ? List.of()
                    : List.of(new ServiceProblem.FieldError("startsOn", problem.detail()));
            return refused(read, programId, new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors));
        }
        return HrConsole.seeOther("/hr/programs?launched=" + programId);
    }

    private Response refused(ProgramWizard.Read read, UUID programId, ServiceProblem problem) {
        return render(problem.pageStatus(), read.values(), read.teamIds(), programId, problem);
    }

    private Response render(int status, Map<String, String> values, Set<String> ticked, UUID programId,
                            ServiceProblem problem) {
        ConsoleMessages texts = console.texts();
        Map<String, String> errors = problem == null ? Map.of() : problem.byField();
        ServiceProblem shown = problem;
        List<TeamChoice> teams = new ArrayList<>();
        try {
            for (ConsoleApi.Team team : api.teams(0, PAGE).items()) {
                String field = ProgramWizard.championField(team.id());
                String chosen = values.getOrDefault(field, "");
                List<Option> options = api.employees(team.id(), 0, PAGE).items().stream()
                        .filter(e -> "enrolled".equals(e.status()))
                        .map(e -> new Option(e.id().toString(), e.displayName() == null ? e.id().toString() : e.displayName(),
                                e.id().toString().equals(chosen)))
                        .toList();
                teams.add(new TeamChoice(team.id(), team.name(), ticked.contains(team.id().toString()), field,
                        new ServiceProblem.FieldError(field, "").anchor(), options, errors.get(field)));
            }
        } catch (WebApplicationException | ProcessingException e) {
            shown = problem != null ? problem : ServiceProblem.of(e, console.unavailable());
            status = problem != null ? status : shown.pageStatus();
        }
        List<PhaseRow> phases = new ArrayList<>();
        String[] labels = {texts.phaseStartWeek(), texts.phaseBreakEvery(), texts.phaseActiveMinutes()};
        int[][] bounds = {{1, 104}, {5, 240}, {0, 480}};
        for (int row = 0; row < ProgramWizard.PHASE_ROWS; row++) {
            List<PhaseField> fields = new ArrayList<>();
            for (int f = 0; f < ProgramWizard.PHASE_FIELDS.length; f++) {
                String name = ProgramWizard.phaseField(row, ProgramWizard.PHASE_FIELDS[f]);
                fields.add(new PhaseField(name, new ServiceProblem.FieldError(name, "").anchor(), labels[f],
                        values.getOrDefault(name, ""), errors.get(name), bounds[f][0], bounds[f][1]));
            }
            phases.add(new PhaseRow(row + 1, fields));
        }
        return Response.status(status).entity(wizard.data("values", values).data("errors", errors).data("teams", teams)
                .data("phases", phases).data("programId", programId).data("problem", shown)
                .data("teamsError", errors.get("teamIds"))).build();
    }
}
