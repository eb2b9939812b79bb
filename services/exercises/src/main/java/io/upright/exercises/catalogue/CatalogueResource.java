package io.upright.exercises.catalogue;

import io.quarkus.security.Authenticated;
import io.upright.platform.api.Page;
import io.upright.platform.problem.Problem;
import io.upright.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.TreeSet;

/** Read-only catalogue content; any signed-in role may browse it. */
@Path("/api")
@Tag(name = "Catalogue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Authenticated
public class CatalogueResource {

    @Schema(name = "RoutineSummary")
    public record RoutineSummary(@Schema(example = "hip-flexor-reset") String id,
                                 @Schema(example = "Hip-flexor reset") String title,
                                 String purpose,
                                 @Schema(example = "480") int durationSeconds,
                                 @Schema(example = "8") int durationMinutes,
                                 boolean deskFriendly,
                                 List<String> exerciseIds) {
        static RoutineSummary of(Routine r) {
            return new RoutineSummary(r.id(), r.title(), r.purpose(), r.durationSeconds(), r.durationMinutes(),
                    r.deskFriendly(), r.exerciseIds());
        }
    }

    @Schema(name = "Routine")
    public record RoutineDetail(String id, String title, String purpose, int durationSeconds, int durationMinutes,
                                boolean deskFriendly, List<Exercise> exercises) {
        public static RoutineDetail of(Routine r) {
            return new RoutineDetail(r.id(), r.title(), r.purpose(), r.durationSeconds(), r.durationMinutes(),
                    r.deskFriendly(), r.exercises());
        }
    }

    @Inject
    Catalogue catalogue;

    @GET
    @Path("/exercises")
    @Operation(summary = "List exercises, optionally filtered, ordered by title")
    @APIResponse(responseCode = "400", description = "Unknown filter value or bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Exercise> exercises(
            @QueryParam("bodyArea") @Parameter(example = "hips") String bodyArea,
            @QueryParam("position") @Parameter(description = "standing, seated, kneeling, lying or walking") String position,
            @QueryParam("deskFriendly") Boolean deskFriendly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (position != null && !Catalogue.POSITIONS.contains(position)) {
            throw ProblemException.invalid("position", "must be one of " + new TreeSet<>(Catalogue.POSITIONS));
        }
        List<Exercise> all = catalogue.find(bodyArea, position, deskFriendly);
        return slice(all, page, size);
    }

    @GET
    @Path("/exercises/{id}")
    @Operation(summary = "Read one exercise with its steps and contraindications")
    @APIResponse(responseCode = "200", description = "The exercise", content = @Content(schema = @Schema(implementation = Exercise.class)))
    @APIResponse(responseCode = "404", description = "No such exercise", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Exercise exercise(@PathParam("id") String id) {
        return catalogue.exercise(id).orElseThrow(() -> ProblemException.notFound("Exercise " + id));
    }

    @GET
    @Path("/routines")
    @Operation(summary = "List routines, ordered by title; durations are the sum of their exercises")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RoutineSummary> routines(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return slice(catalogue.routines().stream().map(RoutineSummary::of).toList(), page, size);
    }

    @GET
    @Path("/routines/{id}")
    @Operation(summary = "Read one routine with its exercises in order")
    @APIResponse(responseCode = "200", description = "The routine", content = @Content(schema = @Schema(implementation = RoutineDetail.class)))
    @APIResponse(responseCode = "404", description = "No such routine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoutineDetail routine(@PathParam("id") String id) {
        return RoutineDetail.of(catalogue.routine(id).orElseThrow(() -> ProblemException.notFound("Routine " + id)));
    }

    private static <T> Page<T> slice(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to), page, size, all.size());
    }
}
