package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.content.PublishedContent;
import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The employee's readiness screen (PAR-Q+ general health questions) before vigorous exercise, and their
 * confirmations that they know a self-release technique. Always the caller's own (token {@code sub} + tenant).
 */
@Path("/api/me")
@Tag(name = "Readiness")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class ReadinessResource {

    @Schema(name = "Readiness")
    public record ReadinessView(
            @Schema(description = "NOT_ANSWERED, ALL_NO or SOME_YES", example = "ALL_NO") String status,
            @Schema(description = "True only when every answer of the latest screen is no") boolean vigorousExerciseAllowed,
            @Schema(description = "The latest answers (true = yes); null until answered") ReadinessAnswers answers,
            @Schema(example = "2026-11-25T09:30:00Z") Instant answeredAt) {

        static ReadinessView of(ReadinessDecider.State state) {
            var screen = state.screen();
            String status = screen == null ? "NOT_ANSWERED" : screen.answers().anyYes() ? "SOME_YES" : "ALL_NO";
            return new ReadinessView(status, state.readiness().vigorousCleared(),
                    screen == null ? null : screen.answers(), screen == null ? null : screen.answeredAt());
        }
    }

    @Schema(name = "NewTechniqueConfirmation")
    public record NewConfirmation(
            @Schema(example = "psoas-iliacus-release", description = "a self-release technique") String exerciseId,
            @Schema(example = "SHOWN_BY_PHYSIOTHERAPIST", enumeration = {"SHOWN_BY_PHYSIOTHERAPIST", "READ_SAFETY_NOTE"}) String basis) {
    }

    @Schema(name = "TechniqueConfirmation")
    public record ConfirmationView(@Schema(example = "psoas-iliacus-release") String exerciseId, String title,
                                   @Schema(example = "SHOWN_BY_PHYSIOTHERAPIST") String basis, Instant confirmedAt) {
    }

    @Inject
    ExerciseReadiness readiness;

    @Inject
    PublishedContent published;

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Path("/readiness")
    @Operation(summary = "My readiness screen before vigorous exercise (PAR-Q+ general health questions)")
    @APIResponse(responseCode = "200", description = "My latest answers (status NOT_ANSWERED until I answer); ETag is the stream version",
            content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Response mine() {
        Decision<ReadinessDecider.State, ReadinessEvent> read = readiness.read(user.tenant(), user.employeeId());
        return Response.ok(ReadinessView.of(read.state())).tag(ETags.of(read.version())).build();
    }

    @PUT
    @Path("/readiness")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the readiness screen: any yes keeps vigorous exercise off, all no allows it; my recommendation is checked again")
    @APIResponse(responseCode = "200", description = "The answers kept", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "400", description = "An answer is missing (named in errors)", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response answer(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReadinessAnswers answers) {
        var decision = readiness.answer(user.tenant(), user.employeeId(), answers, ETags.ifMatch(ifMatch));
        return Response.ok(ReadinessView.of(decision.state())).tag(ETags.of(decision.version())).build();
    }

    @GET
    @Path("/technique-confirmations")
    @Operation(summary = "The self-release techniques I confirmed, ordered by exercise id")
    @APIResponse(responseCode = "200", description = "All of them (at most one per technique)")
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Page<ConfirmationView> confirmations() {
        List<ConfirmationView> items = views(readiness.read(user.tenant(), user.employeeId()).state());
        return new Page<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    @GET
    @Path("/technique-confirmations/{exerciseId}")
    @Operation(summary = "My confirmation of one self-release technique")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = ConfirmationView.class)))
    @APIResponse(responseCode = "404", description = "Not confirmed", ref = ProblemResponses.NOT_FOUND)
    public ConfirmationView confirmation(@PathParam("exerciseId") String exerciseId) {
        return views(readiness.read(user.tenant(), user.employeeId()).state()).stream()
                .filter(v -> v.exerciseId().equals(exerciseId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("A confirmation of " + exerciseId));
    }

    @POST
    @Path("/technique-confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm that a physiotherapist showed me a self-release technique, or that I read its safety note")
    @APIResponse(responseCode = "201", description = "Confirmed; routines with it may now be recommended",
            content = @Content(schema = @Schema(implementation = ConfirmationView.class)))
    @APIResponse(responseCode = "400", description = "exerciseId is not a release technique, or basis is invalid", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an employee", ref = ProblemResponses.FORBIDDEN)
    public Response confirm(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @NotNull NewConfirmation request) {
        return idempotency.run(user.tenant(), user.subject(), "confirm-technique", idempotencyKey, request, () -> {
            var decision = readiness.confirm(user.tenant(), user.employeeId(), request.exerciseId(), request.basis());
            ConfirmationView view = views(decision.state()).stream()
                    .filter(v -> v.exerciseId().equals(request.exerciseId())).findFirst().orElseThrow();
            return IdempotentRequests.Outcome.created(URI.create("/api/me/technique-confirmations/" + view.exerciseId()), view);
        });
    }

    private List<ConfirmationView> views(ReadinessDecider.State state) {
        Map<String, ReadinessEvent.TechniqueConfirmed> confirmations = state.confirmations();
        return confirmations.values().stream().sorted(Comparator.comparing(ReadinessEvent.TechniqueConfirmed::exerciseId))
                .map(c -> new ConfirmationView(c.exerciseId(), published.current().exercise(c.exerciseId())
                        .map(Exercise::title).orElse(null), c.basis(), c.confirmedAt())).toList();
    }
}
