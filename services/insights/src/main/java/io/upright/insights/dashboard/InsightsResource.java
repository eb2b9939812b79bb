package io.upright.insights.dashboard;

import io.upright.insights.audit.ReadAudit;
import io.upright.insights.dashboard.InsightsViews.Overview;
import io.upright.insights.dashboard.InsightsViews.TeamInsight;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The HR dashboard API. Aggregates per team and per tenant only: there is deliberately no endpoint about
 * one employee.
 */
@Path("/api/insights")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class InsightsResource {

    /** Named for the OpenAPI document: a page of team insights. */
    @Schema(name = "TeamInsightPage")
    public record TeamInsightPage(List<TeamInsight> items, int page, int size, long total) {
    }

    @Inject
    TeamInsights insights;

    @Inject
    CurrentUser user;

    @Inject
    ReadAudit audit;

    @GET
    @Path("/teams")
    @Operation(summary = "Figures per team, ordered by team name; teams below the anonymity threshold are suppressed")
    @APIResponse(responseCode = "200", description = "One page of teams",
            content = @Content(schema = @Schema(implementation = TeamInsightPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    public Page<TeamInsight> teams(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        audit.record("teams page=" + page);
        return insights.teams(user.tenant(), page, size);
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Tenant totals over the visible teams only")
    @APIResponse(responseCode = "200", description = "Totals; suppressed teams contribute nothing",
            content = @Content(schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    public Overview overview() {
        audit.record("overview");
        return insights.overview(user.tenant());
    }
}
