package io.upright.assessments.assessment;

import io.upright.assessments.team.EmployeeTeams;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** This service's part of an employee's data export: every assessment with its answers and result. */
@Path("/api/personal-data-exports/{employeeId}")
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class PersonalDataExportResource {

    private static final int ALL = 10_000;

    @Inject
    Assessments assessments;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Everything this service holds about one employee (GDPR Art. 15/20): the employee or an admin")
    @APIResponse(responseCode = "200", description = "The assessments part of the export",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "403", description = "Neither the employee nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalDataExport export(@PathParam("employeeId") UUID employeeId) {
        ExportAccess.requireSelfOrAdmin(user, employeeId);
        String tenant = user.tenant();
        List<AssessmentViews.AssessmentView> all = assessments.mine(tenant, employeeId, 0, ALL).stream()
                .map(record -> AssessmentViews.AssessmentView.of(assessments.get(tenant, employeeId, record.id).state()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("teamId", employeeTeams.teamOf(tenant, employeeId).orElse(null));
        data.put("assessments", all);
        return new PersonalDataExport("assessments", employeeId, Instant.now(), data);
    }
}
