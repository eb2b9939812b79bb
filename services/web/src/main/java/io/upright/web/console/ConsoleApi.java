package io.upright.web.console;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The programs service's HR API (services/programs/README.md: teams, employees, programs, roster imports), asked with
 * the signed-in person's own token: programs decides whether they are HR of the tenant.
 */
@RegisterRestClient(configKey = "programs")
@RegisterProvider(PersonsToken.class)
@Path("/api")
public interface ConsoleApi {

    record FieldError(String field, String message) {
    }

    record Summary(int rows, int teamsToCreate, int enrol, int update, int unchanged, int leavers, int rowsWithErrors) {
    }

    record TeamLine(String name, UUID teamId, String action) {
    }

    record Row(int line, String email, String displayName, String team, String action, boolean createsTeam,
               List<String> changes, List<FieldError> errors, UUID employeeId) {
    }

    record Leaver(UUID employeeId, UUID teamId, String teamName, String displayName, String email) {
    }

    record Preview(String mode, boolean valid, Summary summary, List<FieldError> fileErrors, List<TeamLine> teams,
                   List<Row> rows, List<Leaver> leavers) {
    }

    record RowOutcome(int line, String action, UUID employeeId, boolean createsTeam, List<String> changes) {
    }

    record LeaverOutcome(UUID employeeId, UUID teamId, String teamName, boolean markedLeft) {
    }

    record Outcome(Summary summary, List<TeamLine> teams, List<RowOutcome> rows, List<LeaverOutcome> leavers,
                   String failure, List<FieldError> errors) {
    }

    /** status: queued, running, succeeded, failed or interrupted. */
    record RosterImport(UUID id, String status, boolean markLeavers, int totalRows, int rowsDone, Instant createdAt,
                        Instant finishedAt, Outcome outcome) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record Team(UUID id, String name) {
    }

    record Employee(UUID id, UUID teamId, String displayName, String status) {
    }

    record Phase(Integer startWeek, Integer breakEveryMinutes, Integer dailyActiveMinutesTarget) {
    }

    record Draft(String title, List<Phase> phases, Integer minBreakEveryMinutes, Integer maxBreakEveryMinutes,
                 List<UUID> teamIds) {
    }

    record Program(UUID id, String title, String status, LocalDate startsOn, Integer currentPhase, List<UUID> teamIds,
                   long version, Instant createdAt) {
    }

    record Launch(LocalDate startsOn) {
    }

    record Appointment(UUID employeeId) {
    }

    @POST
    @Path("/roster-imports")
    @Consumes("text/csv")
    Preview preview(@QueryParam("mode") String mode, String csv);

    @POST
    @Path("/roster-imports")
    @Consumes("text/csv")
    RosterImport apply(@QueryParam("mode") String mode, @QueryParam("leavers") String leavers, String csv);

    @GET
    @Path("/roster-imports/{id}")
    RosterImport rosterImport(@PathParam("id") UUID id);

    @GET
    @Path("/teams")
    Page<Team> teams(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/teams/{teamId}/employees")
    Page<Employee> employees(@PathParam("teamId") UUID teamId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/programs")
    Page<Program> programs(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/programs/{id}")
    Program program(@PathParam("id") UUID id);

    @POST
    @Path("/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    Program createDraft(Draft draft);

    @PUT
    @Path("/programs/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Program editDraft(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Draft draft);

    @POST
    @Path("/programs/{id}/teams/{teamId}/champions")
    @Consumes(MediaType.APPLICATION_JSON)
    List<Object> appoint(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, Appointment appointment);

    @POST
    @Path("/programs/{id}/launch")
    @Consumes(MediaType.APPLICATION_JSON)
    Program launch(@PathParam("id") UUID id, Launch launch);
}
