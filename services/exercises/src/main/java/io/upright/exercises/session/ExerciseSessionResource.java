package io.upright.exercises.session;

import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
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
import java.time.Instant;
import java.util.UUID;

@Path("/api/me/exercise-sessions")
@Tag(name = "Exercise sessions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class ExerciseSessionResource {

    @Schema(name = "NewExerciseSession", description = "Exactly one of routineId or exerciseId, and exactly one of minutes or seconds")
    public record NewSession(
            @Schema(example = "hip-flexor-reset") String routineId,
            @Schema(example = "glute-bridge") String exerciseId,
            @Min(1) @Max(SessionDecider.MAX_MINUTES) @Schema(example = "8") Integer minutes,
            @Min(1) @Max(SessionDecider.MAX_SECONDS) @Schema(example = "90", description = "instead of minutes: "
                    + "the length in seconds, for a micro-break of under a few minutes") Integer seconds,
            @NotNull @Min(1) @Max(5) @Schema(example = "4", description = "1 = hard, 5 = easy") Integer feltRating,
            @Schema(description = "when I did it, if not just now: up to " + ExerciseSessions.BACKDATING_DAYS
                    + " days back, never in the future", example = "2026-11-24T12:30:00Z") Instant completedAt,
            @Min(0) @Max(SessionDecider.MAX_DISCOMFORT) @Schema(example = "2", description = "optional: discomfort during or after it, "
                    + "0 = none, 10 = worst; a rise steps the routine back a level") Integer discomfort) {
    }

    @Schema(name = "ExerciseSession")
    public record SessionView(UUID id, String routineId, String exerciseId,
                              @Schema(description = "whole minutes, rounded half up from seconds") int minutes,
                              @Schema(description = "the length, exactly") int seconds,
                              @Schema(description = "1 = hard, 5 = easy; null when logged from a reminder button") Integer feltRating,
                              Instant completedAt,
                              @Schema(description = "0 = none, 10 = worst; null when not given") Integer discomfort) {
        static SessionView of(ExerciseSessionRecord r) {
            return new SessionView(r.id, r.routineId, r.exerciseId, r.minutes, r.seconds, r.feltRating, r.completedAt, r.discomfort);
        }
    }

    @Inject
    ExerciseSessions sessions;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a routine or a single exercise I did")
    @APIResponse(responseCode = "201", description = "Logged; emits ExerciseSessionCompleted",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (routineId/exerciseId unknown or not exactly one, minutes/seconds not exactly one or out of range, feltRating, completedAt)", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Response log(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewSession request) {
        return idempotency.run(user.tenant(), user.subject(), "log-exercise-session", idempotencyKey, request, () -> {
            ExerciseSessionRecord logged = sessions.log(user.tenant(), user.employeeId(), request.routineId(),
                    request.exerciseId(), request.minutes(), request.seconds(), request.feltRating(), request.completedAt(),
                    request.discomfort());
            return IdempotentRequests.Outcome.created(URI.create("/api/me/exercise-sessions/" + logged.id), SessionView.of(logged));
        });
    }

    @GET
    @Operation(summary = "List my logged sessions, newest first (by completion time, then id)")
    @APIResponse(responseCode = "400", description = "Bad paging", ref = ProblemResponses.BAD_REQUEST)
    public Page<SessionView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        UUID me = user.employeeId();
        return new Page<>(sessions.mine(tenant, me, page, size).stream().map(SessionView::of).toList(), page, size,
                sessions.countMine(tenant, me));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one of my logged sessions")
    @APIResponse(responseCode = "404", description = "No such session of yours", ref = ProblemResponses.NOT_FOUND)
    public SessionView one(@PathParam("id") UUID id) {
        return SessionView.of(sessions.mine(user.tenant(), user.employeeId(), id));
    }
}
