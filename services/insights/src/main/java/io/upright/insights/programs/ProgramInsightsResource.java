package io.upright.insights.programs;

import io.upright.insights.audit.ReadAudit;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import io.upright.insights.programs.ProgramViews.ProgramSummary;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Program insights for HR: overview, team comparison, weekly trend, risk and findings; JSON or CSV. */
@Path("/api/insights/programs")
@Tag(name = "Program insights")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class ProgramInsightsResource {

    static final String CSV = "text/csv";

    @Schema(name = "ProgramSummaryPage")
    public record ProgramSummaryPage(List<ProgramSummary> items, int page, int size, long total) {
    }

    @Inject
    ProgramInsights insights;

    @Inject
    CurrentUser user;

    @Inject
    ReadAudit audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's launched programs, newest launch first (then title, then id)")
    @APIResponse(responseCode = "200", description = "One page of programs", content = @Content(schema = @Schema(implementation = ProgramSummaryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    public Page<ProgramSummary> programs(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        audit.record("programs page=" + page);
        return insights.programs(user.tenant(), page, size);
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A program's overview, team comparison, weekly trend and risk breakdown, k-anonymous, from the "
            + "published (closed) weeks only; week=2026-W40 gives one published week; format=csv gives the dashboard's tables as CSV")
    @APIResponse(responseCode = "200", description = "The program's figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramInsight.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid weeks, week or format (the field is named)", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such program in the tenant", ref = ProblemResponses.NOT_FOUND)
    public Response program(@PathParam("id") String id,
                            @Parameter(description = "How many published ISO weeks to show, ending with the last closed one")
                            @QueryParam("weeks") @DefaultValue("8") @Min(1) @Max(ProgramInsights.MAX_WEEKS) int weeks,
                            @Parameter(description = "One published ISO week instead of the last weeks", example = "2026-W40")
                            @QueryParam("week") String week,
                            @Parameter(description = "json (default) or csv") @QueryParam("format") @DefaultValue("json") String format) {
        if ("csv".equalsIgnoreCase(format)) {
            return csv(id, weeks, week);
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalid("format", "must be json or csv");
        }
        audit.record("program " + id + (week == null ? " weeks=" + weeks : " week=" + week));
        return Response.ok(insights.program(user.tenant(), programId(id), weeks, week), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}.csv")
    @Produces(CSV)
    @Operation(summary = "The dashboard's tables for a program as CSV; suppressed cells read \"suppressed (fewer than k people)\"")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid weeks or week (the field is named)", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such program in the tenant", ref = ProblemResponses.NOT_FOUND)
    public Response csvExport(@PathParam("id") String id,
                              @QueryParam("weeks") @DefaultValue("8") @Min(1) @Max(ProgramInsights.MAX_WEEKS) int weeks,
                              @Parameter(description = "One published ISO week instead of the last weeks", example = "2026-W40")
                              @QueryParam("week") String week) {
        return csv(id, weeks, week);
    }

    private Response csv(String id, int weeks, String week) {
        audit.record("program " + id + " csv" + (week == null ? " weeks=" + weeks : " week=" + week));
        String tenant = user.tenant();
        UUID programId = programId(id);
        AnonymityPolicy policy = insights.policy(tenant);
        String body = DashboardTables.csv(DashboardTables.of(insights.program(tenant, programId, weeks, week), policy));
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"program-" + programId + ".csv\"")
                .build();
    }

    /** A malformed id names no program of this tenant: 404, like any unknown id. */
    static UUID programId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No program " + id);
        }
    }
}
