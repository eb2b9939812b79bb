package io.upright.reminders.teambreak;

import io.upright.platform.api.ETags;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/team-breaks")
@Tag(name = "Team breaks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class TeamBreakResource {

    @Schema(name = "TeamBreakRequest")
    public record TeamBreakRequest(@Schema(example = "15:00", description = "Daily local time HH:mm") String localTime,
                                   @Schema(example = "Europe/Berlin", description = "IANA zone the time is in") String timeZone) {
    }

    @Schema(name = "TeamBreak")
    public record TeamBreakView(UUID teamId, String localTime, String timeZone, Instant updatedAt) {
        static TeamBreakView of(TeamBreaks.TeamBreak b) {
            return new TeamBreakView(b.teamId(), b.localTime(), b.timeZone(), b.updatedAt());
        }
    }

    @Inject
    TeamBreaks teamBreaks;

    @Inject
    CurrentUser user;

    @PUT
    @Path("/{teamId}")
    @Operation(summary = "Set a team's daily break: every member is nudged together at this local time (kind team-break)")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = TeamBreakView.class)))
    @APIResponse(responseCode = "400", description = "localTime or timeZone invalid", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    public Response set(@PathParam("teamId") UUID teamId, @NotNull TeamBreakRequest request) {
        TeamBreaks.TeamBreak saved = teamBreaks.set(user.tenant(), teamId, request.localTime(), request.timeZone());
        return Response.ok(TeamBreakView.of(saved)).tag(ETags.of(saved.version())).build();
    }

    @GET
    @Operation(summary = "The tenant's team breaks")
    public List<TeamBreakView> list() {
        return teamBreaks.list(user.tenant()).stream().map(TeamBreakView::of).toList();
    }

    @GET
    @Path("/{teamId}")
    @Operation(summary = "One team's break")
    @APIResponse(responseCode = "404", description = "No team break for this team in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("teamId") UUID teamId) {
        TeamBreaks.TeamBreak found = teamBreaks.get(user.tenant(), teamId)
                .orElseThrow(() -> ProblemException.notFound("Team break of team " + teamId));
        return Response.ok(TeamBreakView.of(found)).tag(ETags.of(found.version())).build();
    }

    @DELETE
    @Path("/{teamId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop a team's daily break (queued ones are taken back)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No team break for this team in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response remove(@PathParam("teamId") UUID teamId) {
        teamBreaks.remove(user.tenant(), teamId);
        return Response.noContent().build();
    }
}
