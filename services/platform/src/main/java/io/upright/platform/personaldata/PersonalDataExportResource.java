package io.upright.platform.personaldata;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Every service's part of an employee's data export (GDPR Art. 15 and 20), served the same way: only to the person
 * themselves or an admin of their tenant, never to HR. The service supplies its {@link PersonalDataPart}; programs
 * gathers the parts into one document with the requester's own token.
 */
@Path(PersonalDataExport.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class PersonalDataExportResource {

    @Inject
    Instance<PersonalDataPart> part;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Everything this service holds about one employee (GDPR Art. 15/20): the employee, or an admin without the health data")
    @APIResponse(responseCode = "200", description = "This service's part of the export; empty after an erasure",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    public PersonalDataExport export(@PathParam("employeeId") UUID employeeId) {
        ExportAccess.requireSelfOrAdmin(user, employeeId);
        if (!part.isResolvable()) {
            throw ProblemException.notFound("A personal data part of this service");
        }
        PersonalDataPart mine = part.get();
        Map<String, Object> data = mine.export(user.tenant(), employeeId);
        boolean themselves = user.isEmployee(employeeId);
        // an admin on the employee's behalf never reads their health data: that part goes to the employee only
        return new PersonalDataExport(mine.service(), employeeId, Instant.now(clock),
                themselves ? data : HealthRedaction.forSomeoneElse(data, mine.healthFields()));
    }
}
