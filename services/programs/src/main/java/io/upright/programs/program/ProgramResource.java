package io.upright.programs.program;

import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.programs.enrollment.Enrollments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/programs")
@Tag(name = "Programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class ProgramResource {

    @Schema(name = "ProgramDraft", description = "phases are numbered in order; the first starts in week 1, each later "
            + "one in a later week; every cadence lies within [minBreakEveryMinutes, maxBreakEveryMinutes]")
    public record DraftRequest(@Schema(example = "Stand up, Finance") String title,
                               List<PhaseRequest> phases,
                               @Schema(example = "20") Integer minBreakEveryMinutes,
                               @Schema(example = "60") Integer maxBreakEveryMinutes,
                               List<UUID> teamIds) {
        ProgramDraft toDraft() {
            return new ProgramDraft(title, phases == null ? null : phases.stream()
                    .map(p -> p == null ? null : new ProgramDraft.PhaseDraft(p.startWeek(), p.breakEveryMinutes(),
                            p.dailyActiveMinutesTarget())).toList(),
                    minBreakEveryMinutes, maxBreakEveryMinutes, teamIds);
        }
    }

    @Schema(name = "ProgramPhaseDraft")
    public record PhaseRequest(@Schema(example = "1") Integer startWeek, @Schema(example = "45") Integer breakEveryMinutes,
                               @Schema(example = "120") Integer dailyActiveMinutesTarget) {
    }

    @Schema(name = "ProgramLaunch")
    public record LaunchRequest(@Schema(example = "2026-12-07", description = "the day week 1 begins") LocalDate startsOn) {
    }

    @Schema(name = "ChampionAppointment")
    public record ChampionRequest(UUID employeeId) {
    }

    @Schema(name = "Champion")
    public record ChampionView(UUID teamId, UUID employeeId,
                               @Schema(description = "null once the employee's personal data was erased") String displayName,
                               Instant appointedAt) {
    }

    @Inject
    Programs programs;

    @Inject
    ProgramQueries queries;

    @Inject
    Enrollments enrollments;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Operation(summary = "Create a draft program: title, phases, cadence bounds and teams")
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. phases[1].startWeek or teamIds[0]", ref = ProblemResponses.BAD_REQUEST)
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @NotNull DraftRequest request) {
        return idempotency.run(user.tenant(), user.subject(), "create-program", idempotencyKey, request, () -> {
            ProgramView program = programs.create(user.tenant(), request.toDraft());
            return IdempotentRequests.Outcome.created(URI.create("/api/programs/" + program.id()), program)
                    .withVersion(program.version());
        });
    }

    @GET
    @Operation(summary = "List the tenant's programs, newest first, then by id")
    public Page<ProgramView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        return new Page<>(queries.list(tenant, page, size), page, size, queries.count(tenant));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one program, with its version as ETag")
    @APIResponse(responseCode = "200", description = "The program", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        return withTag(queries.get(user.tenant(), id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit a draft program (send If-Match with the ETag you read)")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The program is no longer a draft", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull DraftRequest request) {
        return withTag(programs.edit(user.tenant(), id, request.toDraft(), ETags.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/launch")
    @Operation(summary = "Launch a draft on a start date; phase 1 starts at once when that date has come (ProgramLaunched, ProgramPhaseStarted)")
    @APIResponse(responseCode = "200", description = "Launched", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "400", description = "startsOn missing", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not a draft, or a team already belongs to a running program", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response launch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull LaunchRequest request) {
        return withTag(programs.launch(user.tenant(), id, request.startsOn(), ETags.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pause a launched program (ProgramPaused)")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The program is not launched", ref = ProblemResponses.CONFLICT)
    public Response pause(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(programs.pause(user.tenant(), id, ETags.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume a paused program (ProgramResumed)")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The program is not paused", ref = ProblemResponses.CONFLICT)
    public Response resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(programs.resume(user.tenant(), id, ETags.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End a launched or paused program for good (ProgramEnded); its teams are free again")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "404", description = "No such program in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "A draft or ended program cannot end", ref = ProblemResponses.CONFLICT)
    public Response end(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(programs.end(user.tenant(), id, ETags.ifMatch(ifMatch)));
    }

    @GET
    @Path("/{id}/teams/{teamId}/champions")
    @Operation(summary = "The champions of one team of a program, in order of appointment")
    @APIResponse(responseCode = "404", description = "No such program in your tenant, or the team is not in it", ref = ProblemResponses.NOT_FOUND)
    public List<ChampionView> champions(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId) {
        String tenant = user.tenant();
        return queries.champions(tenant, id, teamId).stream().map(c -> new ChampionView(c.teamId(), c.employeeId(),
                enrollments.view(tenant, c.employeeId()).displayName(), c.appointedAt())).toList();
    }

    @POST
    @Path("/{id}/teams/{teamId}/champions")
    @Operation(summary = "Appoint an employee of the team as one of its champions (appointing again changes nothing)")
    @APIResponse(responseCode = "200", description = "The team's champions now", content = @Content(schema = @Schema(implementation = ChampionView.class)))
    @APIResponse(responseCode = "400", description = "employeeId is not an employee enrolled in this team", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such program in your tenant, or the team is not in it", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The program has ended", ref = ProblemResponses.CONFLICT)
    public List<ChampionView> appoint(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @NotNull ChampionRequest request) {
        programs.appointChampion(user.tenant(), id, teamId, request.employeeId());
        return champions(id, teamId);
    }

    @DELETE
    @Path("/{id}/teams/{teamId}/champions/{employeeId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a champion of a team")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such program, team in it, or champion", ref = ProblemResponses.NOT_FOUND)
    public Response revoke(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @PathParam("employeeId") UUID employeeId) {
        programs.revokeChampion(user.tenant(), id, teamId, employeeId);
        return Response.noContent().build();
    }

    private static Response withTag(ProgramView program) {
        return Response.ok(program).tag(ETags.of(program.version())).build();
    }
}
