package io.upright.programs.enrollment;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
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
            @Size(max = EnrollmentDecider.MAX_CHAT_HANDLE_LENGTH) @Schema(example = "@ada", description = "optional chat handle (Slack, Teams)") String chatHandle,
            @NotBlank @Schema(example = "Europe/Berlin") String timeZone,
            @NotBlank @Schema(example = "09:00") String workdayStart,
            @NotBlank @Schema(example = "17:30") String workdayEnd,
            @Schema(example = "false") Boolean standingDesk,
            @Schema(example = "2026-10-26", description = "optional, for someone imported with history: the day they joined "
                    + "the program (up to 366 days back, never in the future); enrolment counts from the start of that day "
                    + "in their time zone. Without it, they join now") LocalDate joinedOn) {

        Enrollments.Enrolment toEnrolment() {
            return new Enrollments.Enrolment(displayName, email, chatHandle, timeZone, workdayStart, workdayEnd, standingDesk,
                    joinedOn);
        }
    }

    @Inject
    Enrollments enrollments;

    @Inject
    CurrentUser user;

    @GET
    @Path("/employees/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR})
    @Operation(summary = "Read one enrolled employee (personal fields are null once erased)")
    @APIResponse(responseCode = "200", description = "The employee", content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "404", description = "No such employee in your tenant", ref = ProblemResponses.NOT_FOUND)
    public EmployeeView get(@PathParam("id") UUID id) {
        return enrollments.view(user.tenant(), id);
    }

    @POST
    @Path("/employees/{id}/leave")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take an employee out of the program (publishes EmployeeLeft)")
    @APIResponse(responseCode = "200", description = "The employee, now left", content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "404", description = "No such employee in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The employee has already left", ref = ProblemResponses.CONFLICT)
    public EmployeeView leave(@PathParam("id") UUID id) {
        return enrollments.leave(user.tenant(), id);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "What the program knows about me")
    @APIResponse(responseCode = "200", description = "Me", content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "404", description = "I am not enrolled", ref = ProblemResponses.NOT_FOUND)
    public EmployeeView me() {
        return enrollments.view(user.tenant(), user.employeeId());
    }
}
