package io.upright.reminders.schedule;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.personaldata.ExportAccess;
import io.upright.platform.personaldata.ExportRows;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * This service's part of an employee's data export: every row of every table that erasure empties (schedule and
 * personal settings, every reminder with its answer, the suggested routine, the risk flag), column by column, so
 * the export and the erasure can never disagree about what "everything" is.
 */
@Path("/api/personal-data-exports/{employeeId}")
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class PersonalDataExportResource {

    @Inject
    DataSource dataSource;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Everything this service holds about one employee (GDPR Art. 15/20): the employee or an admin")
    @APIResponse(responseCode = "200", description = "The reminders part of the export: rows per table",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "403", description = "Neither the employee nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalDataExport export(@PathParam("employeeId") UUID employeeId) {
        ExportAccess.requireSelfOrAdmin(user, employeeId);
        Map<String, Object> data = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : ErasedTables.BY_EMPLOYEE) {
                // table names come from the fixed list above, never from the request
                data.put(table, ExportRows.of(c, "select * from " + table + " where tenant_id = ? and employee_id = ?",
                        user.tenant(), employeeId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export an employee's reminders data", e);
        }
        return new PersonalDataExport("reminders", employeeId, Instant.now(), data);
    }
}
