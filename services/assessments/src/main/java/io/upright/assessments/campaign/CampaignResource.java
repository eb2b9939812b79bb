package io.upright.assessments.campaign;

import io.upright.assessments.campaign.CampaignViews.CampaignView;
import io.upright.assessments.campaign.CampaignViews.NewCampaign;
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
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;

/** HR asks a team to (re)assess by a date, and follows how much of the team has answered. */
@Path("/api/assessment-campaigns")
@Tag(name = "Assessment campaigns")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CampaignResource {

    @Inject
    Campaigns campaigns;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a team to (re)assess their desks on a checklist template by a date")
    @APIResponse(responseCode = "201", description = "Started; Location points at it; emits AssessmentCampaignStarted",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Missing field, unknown template or a due date in the past, named by field", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not HR or an admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No employee of this team is known in your organisation", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", ref = ProblemResponses.UNPROCESSABLE)
    public Response start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewCampaign request) {
        return idempotency.run(user.tenant(), user.subject(), "start-assessment-campaign", idempotencyKey, request, () -> {
            CampaignRecord started = campaigns.start(user.tenant(), request.teamId(), request.templateId().strip(),
                    request.dueDate());
            return IdempotentRequests.Outcome.created(URI.create("/api/assessment-campaigns/" + started.id),
                    CampaignView.of(started, campaigns.coverage(started))).withVersion(started.version);
        });
    }

    @GET
    @Operation(summary = "List the campaigns of my organisation with their coverage, newest first (by start time, then id)")
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not HR or an admin", ref = ProblemResponses.FORBIDDEN)
    public Page<CampaignView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        return new Page<>(campaigns.list(tenant, page, size).stream()
                .map(c -> CampaignView.of(c, campaigns.coverage(c))).toList(), page, size, campaigns.count(tenant));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One campaign with its coverage (suppressed for a team below the anonymity threshold)")
    @APIResponse(responseCode = "200", description = "The campaign; ETag is its version",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "403", description = "Not HR or an admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such campaign in your organisation", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        CampaignRecord campaign = campaigns.get(user.tenant(), id);
        return Response.ok(CampaignView.of(campaign, campaigns.coverage(campaign))).tag(ETags.of(campaign.version)).build();
    }
}
