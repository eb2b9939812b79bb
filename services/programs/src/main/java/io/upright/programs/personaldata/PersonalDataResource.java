package io.upright.programs.personaldata;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** GDPR: an employee's export (Art. 15/20) and erasure by crypto-shredding (Art. 17), by themselves or an admin. */
@Path("/api")
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class PersonalDataResource {

    @Inject
    ProgramsPersonalData own;

    @Inject
    PersonalDataErasure erasure;

    @Inject
    ExportParts parts;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @GET
    @Path("/me/data-export")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Everything Upright holds about me, across services, as one JSON document")
    @APIResponse(responseCode = "200", description = "The export", content = @Content(schema = @Schema(implementation = PersonalDataDocument.class)))
    @APIResponse(responseCode = "503", description = "A service could not hand over its part; nothing exported", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @APIResponse(responseCode = "404", description = "I am not enrolled", ref = ProblemResponses.NOT_FOUND)
    public PersonalDataDocument myExport() {
        return document(user.employeeId());
    }

    @GET
    @Path("/employees/{id}/data-export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything Upright holds about an employee, across services, on their behalf")
    @APIResponse(responseCode = "200", description = "The export", content = @Content(schema = @Schema(implementation = PersonalDataDocument.class)))
    @APIResponse(responseCode = "503", description = "A service could not hand over its part; nothing exported", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @APIResponse(responseCode = "404", description = "No such employee in your tenant", ref = ProblemResponses.NOT_FOUND)
    public PersonalDataDocument export(@PathParam("id") UUID id) {
        return document(id);
    }

    private PersonalDataDocument document(UUID employeeId) {
        // programs first: an unknown employee is a 404 before any other service is asked
        DataExport programs = own.export(user.tenant(), employeeId, Instant.now(clock));
        return new PersonalDataDocument(employeeId, programs.exportedAt(), programs, parts.gather(employeeId, user.rawToken()));
    }

    @DELETE
    @Path("/me/personal-data")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Erase my personal data: my key is shredded, my name, email and chat handle become unreadable everywhere (EmployeeErased)")
    @APIResponse(responseCode = "204", description = "Erased (erasing again changes nothing)")
    @APIResponse(responseCode = "404", description = "I am not enrolled", ref = ProblemResponses.NOT_FOUND)
    public Response eraseMe() {
        erasure.erase(user.tenant(), user.employeeId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/employees/{id}/personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase an employee's personal data on their behalf (crypto-shredding, EmployeeErased)")
    @APIResponse(responseCode = "204", description = "Erased (erasing again changes nothing)")
    @APIResponse(responseCode = "404", description = "No such employee in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response erase(@PathParam("id") UUID id) {
        erasure.erase(user.tenant(), id);
        return Response.noContent().build();
    }
}
