package io.upright.programs.enrollment;

import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.programs.enrollment.EmployeeResource.NewEmployee;
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

@Path("/api/teams/{teamId}/employees")
@Tag(name = "Employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class TeamEmployeesResource {

    @Inject
    Enrollments enrollments;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Operation(summary = "Enroll an employee in the program, in a team")
    @APIResponse(responseCode = "201", description = "Enrolled; the id is the employee's pseudonymous id in every other service",
            content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such team in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Email already enrolled", ref = ProblemResponses.CONFLICT)
    public Response enroll(@PathParam("teamId") UUID teamId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull NewEmployee request) {
        return idempotency.run(user.tenant(), user.subject(), "enroll-employee:" + teamId, idempotencyKey, request, () -> {
            EmployeeView employee = enrollments.enroll(user.tenant(), teamId, request.toEnrolment());
            return IdempotentRequests.Outcome.created(URI.create("/api/employees/" + employee.id()), employee);
        });
    }

    @GET
    @Operation(summary = "List a team's employees, ordered by name, then id")
    public Page<EmployeeView> inTeam(@PathParam("teamId") UUID teamId,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        return new Page<>(enrollments.inTeam(tenant, teamId, page, size), page, size, enrollments.countInTeam(tenant, teamId));
    }
}
