package io.upright.exercises.privacy;

import io.upright.exercises.recommendation.RecommendationEvent;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.platform.eventstore.EventStore;
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

/** This service's part of an employee's data export: every recommendation they were given and every session logged. */
@Path("/api/personal-data-exports/{employeeId}")
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class PersonalDataExportResource {

    private static final int ALL = 100_000;

    @Inject
    EventStore eventStore;

    @Inject
    ExerciseSessions sessions;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Everything this service holds about one employee (GDPR Art. 15/20): the employee or an admin")
    @APIResponse(responseCode = "200", description = "The exercises part of the export",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "403", description = "Neither the employee nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalDataExport export(@PathParam("employeeId") UUID employeeId) {
        ExportAccess.requireSelfOrAdmin(user, employeeId);
        String tenant = user.tenant();
        // the recommendation stream's id is the employee id
        List<RecommendationEvent> recommendations = eventStore.load(tenant, employeeId, RecommendationEvent.class).events();
        List<Map<String, Object>> logged = sessions.mine(tenant, employeeId, 0, ALL).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.id);
            session.put("routineId", s.routineId);
            session.put("exerciseId", s.exerciseId);
            session.put("minutes", s.minutes);
            session.put("feltRating", s.feltRating);
            session.put("completedAt", s.completedAt);
            return session;
        }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recommendations", recommendations);
        data.put("sessions", logged);
        return new PersonalDataExport("exercises", employeeId, Instant.now(), data);
    }
}
