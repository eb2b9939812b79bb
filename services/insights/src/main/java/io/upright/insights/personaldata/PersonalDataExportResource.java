package io.upright.insights.personaldata;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.personaldata.ExportAccess;
import io.upright.platform.personaldata.PersonalDataExport;
import io.upright.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
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

import java.time.Instant;
import java.util.UUID;

/**
 * Insights' part of an employee's data export: the rows it keeps under the person's pseudonymous id. The only
 * endpoint of this service about one person, and only for that person or an admin of their tenant; HR, who
 * reads the aggregates, never may.
 */
@Path(PersonalDataExport.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class PersonalDataExportResource {

    @Inject
    PersonalRows rows;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Everything insights holds about one employee (GDPR Art. 15/20): the employee or an admin")
    @APIResponse(responseCode = "200", description = "The insights part of the export; empty lists after an erasure",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither the employee nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalDataExport export(@PathParam("employeeId") UUID employeeId) {
        ExportAccess.requireSelfOrAdmin(user, employeeId);
        return new PersonalDataExport("insights", employeeId, Instant.now(), rows.about(user.tenant(), employeeId));
    }
}
