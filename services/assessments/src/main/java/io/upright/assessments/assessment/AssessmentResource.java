package io.upright.assessments.assessment;

import io.upright.assessments.assessment.AssessmentViews.AnswersRequest;
import io.upright.assessments.assessment.AssessmentViews.AssessmentView;
import io.upright.assessments.assessment.AssessmentViews.NewAssessment;
import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.net.URI;
import java.util.UUID;

@Path("/api/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class AssessmentResource {

    @Inject
    Assessments assessments;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a desk assessment on the latest version of a checklist template")
    @APIResponse(responseCode = "201", description = "Started; Location points at it, ETag is its version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown template", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Response start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewAssessment request) {
        return idempotency.run(user.tenant(), user.subject(), "start-assessment", idempotencyKey, request, () -> {
            Assessments.Snapshot started = assessments.start(user.tenant(), user.employeeId(), request.templateId().strip());
            return IdempotentRequests.Outcome.created(URI.create("/api/assessments/" + started.state().id()),
                    AssessmentView.of(started.state())).withVersion(started.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read my assessment with my answers and, once submitted, its result")
    @APIResponse(responseCode = "200", description = "The assessment; ETag is its version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment of yours", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        Assessments.Snapshot found = assessments.get(user.tenant(), user.employeeId(), id);
        return Response.ok(AssessmentView.of(found.state())).tag(ETags.of(found.version())).build();
    }

    @PUT
    @Path("/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save some or all answers; they are merged with the answers saved before")
    @APIResponse(responseCode = "200", description = "Saved; ETag is the new version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown question or invalid value, named as answers.<questionId>", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such assessment of yours", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already submitted, or changed concurrently", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response saveAnswers(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull AnswersRequest request) {
        Assessments.Snapshot saved = assessments.saveAnswers(user.tenant(), user.employeeId(), id, request.answers(),
                ETags.ifMatch(ifMatch));
        return Response.ok(AssessmentView.of(saved.state())).tag(ETags.of(saved.version())).build();
    }

    @POST
    @Path("/{id}/submission")
    @Operation(summary = "Submit my assessment: every answer must be present and valid; it is scored once")
    @APIResponse(responseCode = "200", description = "Submitted and scored",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Every missing or invalid answer, named as answers.<questionId>", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such assessment of yours", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already submitted", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Assessments.Snapshot submitted = assessments.submit(user.tenant(), user.employeeId(), id, ETags.ifMatch(ifMatch));
        return Response.ok(AssessmentView.of(submitted.state())).tag(ETags.of(submitted.version())).build();
    }
}
