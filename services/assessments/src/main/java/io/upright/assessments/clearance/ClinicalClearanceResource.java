package io.upright.assessments.clearance;

import io.upright.assessments.clearance.ClearanceViews.ClearanceRequest;
import io.upright.assessments.clearance.ClearanceViews.ClinicalStatusView;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** The employee's own clinical-review status and their declaration that a clinician cleared them. */
@Path("/api/me")
@Tag(name = "Clinical clearance")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class ClinicalClearanceResource {

    static final URI STATUS = URI.create("/api/me/clinical-status");

    @Inject
    ClinicalClearances clearances;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Path("/clinical-status")
    @Operation(summary = "Whether my exercises are paused for clinical review, and how urgently I should see a clinician")
    @APIResponse(responseCode = "200", description = "NONE, PAUSED (with urgency and advice) or CLEARED (with the "
            + "clearance day and when to take the safety check again)",
            content = @Content(schema = @Schema(implementation = ClinicalStatusView.class)))
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public ClinicalStatusView status() {
        return ClinicalStatusView.of(clearances.status(user.tenant(), user.employeeId()));
    }

    @POST
    @Path("/clinical-clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare that a clinician examined me and cleared me to exercise (no document is uploaded)")
    @APIResponse(responseCode = "201", description = "Cleared; Location is my clinical status",
            content = @Content(schema = @Schema(implementation = ClinicalStatusView.class)))
    @APIResponse(responseCode = "400", description = "clearedOn missing, malformed, in the future or before the "
            + "assessment that paused my exercises; note longer than 500 characters", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "My exercises are not paused (nothing to clear), or a clearance "
            + "was declared concurrently", ref = ProblemResponses.CONFLICT)
    public Response declare(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                            @NotNull ClearanceRequest request) {
        return idempotency.run(user.tenant(), user.subject(), "declare-clinical-clearance", idempotencyKey, request,
                () -> IdempotentRequests.Outcome.created(STATUS, ClinicalStatusView.of(
                        clearances.declare(user.tenant(), user.employeeId(), request.clearedOn(), request.note()))));
    }
}
