package io.upright.programs.enrollment;

import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

@Path("/api")
@Tag(name = "Employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class EmployeeResource {

    @Schema(name = "NewEmployee")
    public record NewEmployee(
            @NotBlank @Size(max = 120) @Schema(example = "Ada Lovelace") String displayName,
            @NotBlank @Email @Size(max = 254) @Schema(example = "ada@example.com") String email,
            @NotBlank @Schema(example = "Europe/Berlin") String timeZone,
            @NotBlank @Schema(example = "09:00") String workdayStart,
            @NotBlank @Schema(example = "17:30") String workdayEnd,
            @Schema(example = "false") Boolean standingDesk) {
    }

    @Schema(name = "Employee")
    public record EmployeeView(UUID id, UUID teamId, String displayName, String email, String timeZone,
                               String workdayStart, String workdayEnd, boolean standingDesk, Instant enrolledAt) {
        static EmployeeView of(EmployeeRecord e) {
            return new EmployeeView(e.id, e.teamId, e.displayName, e.email, e.timeZone, e.workdayStart, e.workdayEnd,
                    e.standingDesk, e.enrolledAt);
        }
    }

    @Inject
    Enrollments enrollments;

    @Inject
    CurrentUser user;

    @GET
    @Path("/employees/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR})
    @Operation(summary = "Read one enrolled employee")
    @APIResponse(responseCode = "404", description = "No such employee in your tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmployeeView get(@PathParam("id") UUID id) {
        return EmployeeView.of(enrollments.get(user.tenant(), id));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "What the program knows about me")
    public EmployeeView me() {
        return EmployeeView.of(enrollments.get(user.tenant(), user.employeeId()));
    }
}
