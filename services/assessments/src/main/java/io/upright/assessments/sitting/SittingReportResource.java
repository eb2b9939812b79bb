package io.upright.assessments.sitting;

import io.upright.assessments.sitting.SittingViews.AnswersRequest;
import io.upright.assessments.sitting.SittingViews.ReportView;
import io.upright.assessments.sitting.SittingViews.ReportsView;
import io.upright.platform.api.ETags;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The employee's own sitting self-reports: one per period, answered (or corrected) with PUT. */
@Path("/api/me/sitting-reports")
@Tag(name = "Sitting self-report")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class SittingReportResource {

    /** Enough for every period (baseline, 26 check-ins, end) on one page. */
    static final int DEFAULT_SIZE = 50;

    @Inject
    SittingReports reports;

    @Inject
    CurrentUser user;

    @PUT
    @Path("/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the sitting questionnaire for a period, or correct my answer (the newest counts)")
    @APIResponse(responseCode = "201", description = "First answer for this period; Location is the report, ETag the "
            + "version of my reports", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "200", description = "Corrected (or sent again unchanged, which records nothing)",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "Unknown period, or an answer out of range, missing, or shares "
            + "not adding up to 100, each named", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "My reports changed concurrently", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response report(@Parameter(description = "baseline, check-in-1 … check-in-26, or end", example = "baseline",
                                   schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                           pattern = SittingPeriod.PATTERN))
                           @PathParam("period") String period,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull AnswersRequest request) {
        SittingReports.Outcome outcome = reports.report(user.tenant(), user.employeeId(), period, request.toInput(),
                ETags.ifMatch(ifMatch));
        Response.ResponseBuilder response = outcome.first()
                ? Response.created(URI.create("/api/me/sitting-reports/" + outcome.report().period().value()))
                : Response.ok();
        return response.entity(ReportView.of(outcome.report())).tag(ETags.of(outcome.version())).build();
    }

    @GET
    @Path("/{period}")
    @Operation(summary = "My report for one period, with minutes per workday")
    @APIResponse(responseCode = "200", description = "The report; ETag is the version of my reports",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "Unknown period", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "I have not answered this period", ref = ProblemResponses.NOT_FOUND)
    public Response one(@Parameter(description = "baseline, check-in-1 … check-in-26, or end", example = "baseline",
                                schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        pattern = SittingPeriod.PATTERN))
                        @PathParam("period") String period) {
        SittingReports.Outcome found = reports.report(user.tenant(), user.employeeId(), period);
        return Response.ok(ReportView.of(found.report())).tag(ETags.of(found.version())).build();
    }

    @GET
    @Operation(summary = "My sitting reports in period order (baseline, check-ins, end), with one sentence of feedback")
    @APIResponse(responseCode = "200", description = "My reports; ETag is their version",
            content = @Content(schema = @Schema(implementation = ReportsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Response mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("" + DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        UUID me = user.employeeId();
        SittingReports.Snapshot snapshot = reports.reports(user.tenant(), me);
        List<SittingReportDecider.StoredReport> all = snapshot.reports().inPeriodOrder();
        // the feedback compares the latest period with the baseline, whatever page is shown
        List<ReportView> items = all.stream().skip((long) page * size).limit(size).map(ReportView::of).toList();
        return Response.ok(new ReportsView(items, page, size, all.size(), SittingFeedback.of(all)))
                .tag(ETags.of(snapshot.version())).build();
    }
}
