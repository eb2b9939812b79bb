package io.upright.exercises.recommendation;

import io.upright.contracts.exercises.MicroBreak;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.content.CatalogueResource.RoutineDetail;
import io.upright.exercises.content.PublishedContent;
import io.upright.platform.api.ETags;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/me/recommendation")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class RecommendationResource {

    @Schema(name = "Recommendation")
    public record RecommendationView(
            UUID recommendationId,
            UUID assessmentId,
            Instant recommendedAt,
            boolean withheldForClinicalReview,
            @Schema(example = "Try the Hip-flexor reset routine (about 8 minutes) once or twice a day.") String message,
            @Schema(description = "Null when withheld for clinical review, or when no routine suits my precautions") RoutineDetail routine,
            List<Recommendation.Reason> reasons,
            @Schema(description = "Desk-friendly breaks of a minute or two for each break reminder (empty while paused)") List<MicroBreak> microBreaks,
            @Schema(description = "The routine needs the floor or a hip-release tool: not during working hours unless I opted in") boolean floorOrEquipment,
            @Schema(description = "The routine contains a self-release technique: at most two or three times a week") boolean softTissueRelease) {
    }

    @Inject
    Recommendations recommendations;

    /**
     * The harder routine my readiness keeps me from: the one held back when this was recommended, or else the
     * next step of my routine when my readiness does not allow it (so the note is there before tolerance is).
     */
    static Routine heldBack(Catalogue library, RecommendationEvent.Recommended r, Routine routine, Readiness readiness) {
        Routine held = r.heldBackRoutineId() != null ? library.routine(r.heldBackRoutineId()).orElse(null)
                : routine != null && routine.next() != null ? library.routine(routine.next()).orElse(null) : null;
        return held == null || readiness.allows(held) ? null : held;
    }

    @Inject
    PublishedContent published;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "My current routine recommendation, with one reason per finding of my latest assessment")
    @APIResponse(responseCode = "200", description = "The recommendation; ETag is the stream version",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(responseCode = "404", description = "No assessment result has reached this service yet", ref = ProblemResponses.NOT_FOUND)
    public Response mine() {
        Recommendations.Current current = recommendations.current(user.tenant(), user.employeeId());
        RecommendationEvent.Recommended r = current.recommended();
        // the routine is the one recommended then; reasons and message use today's wording
        Catalogue library = published.current();
        Routine routine = r.routineId() == null ? null : library.routine(r.routineId()).orElse(null);
        String replacedTitle = r.replacedRoutineId() == null ? null
                : library.routine(r.replacedRoutineId()).map(Routine::title).orElse(null);
        Readiness readiness = recommendations.readiness(user.tenant(), user.employeeId());
        String message = r.withheldForClinicalReview() ? Recommender.PAUSED_MESSAGE
                : r.routineId() == null ? Recommender.NOTHING_SAFE_MESSAGE
                : routine == null ? "The routine recommended to you (" + r.routineTitle() + ") has left the catalogue; "
                        + "take the assessment again for a new one."
                : Recommender.message(routine, r.findingCodes(), replacedTitle, heldBack(library, r, routine, readiness),
                        readiness);
        return Response.ok(new RecommendationView(r.recommendationId(), r.assessmentId(), r.recommendedAt(),
                r.withheldForClinicalReview(), message, routine == null ? null : RoutineDetail.of(routine),
                Recommender.reasons(r.findingCodes()), Recommendations.microBreaks(library, r.microBreakIds()),
                r.floorOrEquipment(), r.softTissueRelease()))
                .tag(ETags.of(current.version())).build();
    }
}
