package io.upright.assessments.assessment;

import io.upright.assessments.assessment.AssessmentViews.AssessmentSummary;
import io.upright.assessments.assessment.AssessmentViews.LatestResultView;
import io.upright.assessments.assessment.AssessmentViews.TrendPoint;
import io.upright.assessments.template.ChecklistTemplates;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/me/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class MyAssessmentsResource {

    @Inject
    Assessments assessments;

    @Inject
    CurrentUser user;

    @Inject
    ChecklistTemplates templates;

    @GET
    @Operation(summary = "List my assessments, newest first (by start time, then id)")
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    public Page<AssessmentSummary> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        UUID me = user.employeeId();
        return new Page<>(assessments.mine(tenant, me, page, size).stream().map(AssessmentSummary::of).toList(),
                page, size, assessments.countMine(tenant, me));
    }

    @GET
    @Path("/latest")
    @Operation(summary = "My latest submitted result with explanations, actions and the change since the one before")
    @APIResponse(responseCode = "200", description = "My latest submitted result (my answers are at /api/assessments/{id})",
            content = @Content(schema = @Schema(implementation = LatestResultView.class)))
    @APIResponse(responseCode = "400", description = "Unknown template id", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "I have not submitted an assessment (of that template) yet", ref = ProblemResponses.NOT_FOUND)
    public LatestResultView latest(@Parameter(description = "Only this template id (any version); all when absent", example = "rosa")
                                   @QueryParam("templateId") String templateId) {
        String template = templateId == null || templateId.isBlank() ? null : published(templateId);
        return assessments.latestSubmitted(user.tenant(), user.employeeId(), template)
                .map(s -> LatestResultView.of(s.state()))
                .orElseThrow(() -> ProblemException.notFound("No submitted assessment"));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "My submitted scores of one template over time, oldest first (by submission time, then id)")
    @APIResponse(responseCode = "200", description = "One point per submitted assessment of that template id, any version")
    @APIResponse(responseCode = "400", description = "Missing or unknown templateId, invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Page<TrendPoint> trend(@Parameter(required = true, example = "rosa") @QueryParam("templateId") String templateId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (templateId == null || templateId.isBlank()) {
            throw ProblemException.invalid("templateId", "is required");
        }
        String template = published(templateId);
        int maxScore = AssessmentViews.maxScore(templates.library().latest(template).orElseThrow().method());
        String tenant = user.tenant();
        UUID me = user.employeeId();
        return new Page<>(assessments.trend(tenant, me, template, page, size).stream()
                .map(r -> TrendPoint.of(r, maxScore)).toList(), page, size, assessments.countTrend(tenant, me, template));
    }

    private String published(String templateId) {
        String id = templateId.strip();
        if (templates.library().latest(id).isEmpty()) {
            throw ProblemException.invalid("templateId", "is not a published checklist template");
        }
        return id;
    }
}
