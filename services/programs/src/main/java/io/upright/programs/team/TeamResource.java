package io.upright.programs.team;

import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.UUID;

@Path("/api/teams")
@Tag(name = "Teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class TeamResource {

    @Schema(name = "NewTeam")
    public record NewTeam(@NotBlank @Size(max = TeamDecider.MAX_NAME_LENGTH) @Schema(example = "Finance") String name) {
    }

    @Schema(name = "Team")
    public record TeamView(UUID id, @Schema(example = "Finance") String name, Instant createdAt) {
        static TeamView of(TeamRecord team) {
            return new TeamView(team.id, team.name, team.createdAt);
        }
    }

    @Inject
    Teams teams;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Operation(summary = "Form a team that employees can be enrolled in")
    @APIResponse(responseCode = "201", description = "Team formed", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "A team with this name exists", ref = ProblemResponses.CONFLICT)
    public Response form(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewTeam request) {
        return idempotency.run(user.tenant(), user.subject(), "form-team", idempotencyKey, request, () -> {
            TeamRecord team = teams.form(user.tenant(), request.name());
            return IdempotentRequests.Outcome.created(URI.create("/api/teams/" + team.id), TeamView.of(team))
                    .withVersion(team.version);
        });
    }

    @GET
    @Operation(summary = "List the tenant's teams, ordered by name")
    public Page<TeamView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        return new Page<>(teams.list(tenant, page, size).stream().map(TeamView::of).toList(), page, size, teams.count(tenant));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one team")
    @APIResponse(responseCode = "404", description = "No such team in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        TeamRecord team = teams.get(user.tenant(), id);
        return Response.ok(TeamView.of(team)).tag(ETags.of(team.version)).build();
    }
}
