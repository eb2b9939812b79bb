package io.upright.exercises.content;

import io.quarkus.security.Authenticated;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.ExerciseFilter;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.Vocabulary;
import io.upright.platform.api.Page;
import io.upright.platform.domain.FieldError;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's latest published versions; any signed-in role of any tenant may browse them. Lists are ordered
 * by title then id. Single items carry an ETag ({@code v<published version>-<content hash>}) and answer
 * {@code If-None-Match} with 304; a newly published version changes the tag.
 */
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
                                 @Schema(example = "beginner", enumeration = {"beginner", "intermediate"}) String level,
                                 @Schema(example = "hip-flexor-builder", description = "The routine a repeated recommendation moves on to; null at the end of a progression") String next,
                                 @Schema(example = "480") int durationSeconds,
                                 @Schema(example = "8") int durationMinutes,
                                 boolean deskFriendly,
                                 @Schema(example = "[\"hip-flexors\", \"lower-back\", \"glutes\"]") List<String> bodyAreas,
                                 List<String> exerciseIds,
                                 @Schema(description = "Some part needs the floor or a hip-release tool: not during working hours unless opted in") boolean floorOrEquipment,
                                 @Schema(description = "Contains a self-release technique: at most two or three times a week") boolean softTissueRelease) {
        static RoutineSummary of(Routine r) {
            return new RoutineSummary(r.id(), r.title(), r.purpose(), r.level(), r.next(), r.durationSeconds(),
                    r.durationMinutes(), r.deskFriendly(), r.bodyAreas(), r.exerciseIds(), r.floorOrEquipment(),
                    r.softTissueRelease());
        }
    }

    @Schema(name = "Routine")
    public record RoutineDetail(String id, String title, String purpose, String level, String next,
                                int durationSeconds, int durationMinutes, boolean deskFriendly,
                                List<String> bodyAreas, List<Exercise> exercises, boolean floorOrEquipment,
                                boolean softTissueRelease) {
        public static RoutineDetail of(Routine r) {
            return new RoutineDetail(r.id(), r.title(), r.purpose(), r.level(), r.next(), r.durationSeconds(),
                    r.durationMinutes(), r.deskFriendly(), r.bodyAreas(), r.exercises(), r.floorOrEquipment(),
                    r.softTissueRelease());
        }
    }

    @Inject
    PublishedContent published;

    @GET
    @Path("/exercises")
    @Operation(summary = "Search exercises; every filter is optional and they combine. Ordered by title, then id")
    @APIResponse(responseCode = "200", description = "One page of matching exercises")
    @APIResponse(responseCode = "400", description = "Unknown filter value or bad paging; `errors[].field` names the parameter", ref = ProblemResponses.BAD_REQUEST)
    public Page<Exercise> exercises(
            @QueryParam("bodyArea") @Parameter(description = "Exercises working this area",
                    schema = @Schema(enumeration = {"hip-flexors", "lower-back", "glutes", "hamstrings", "core", "neck-shoulders", "whole-body"})) String bodyArea,
            @QueryParam("position") @Parameter(schema = @Schema(enumeration = {"seated", "standing", "floor"})) String position,
            @QueryParam("equipment") @Parameter(description = "Exercises using this item; `none` = exercises needing nothing",
                    schema = @Schema(enumeration = {"none", "chair", "wall", "desk", "hip-release-tool"})) String equipment,
            @QueryParam("maxDurationSeconds") @Parameter(description = "At most this long (seconds, ≥ 1)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"), example = "90") String maxDurationSeconds,
            @QueryParam("intensity") @Parameter(schema = @Schema(enumeration = {"gentle", "moderate", "vigorous"})) String intensity,
            @QueryParam("deskFriendly") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String deskFriendly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        List<FieldError> errors = new ArrayList<>();
        ExerciseFilter filter = new ExerciseFilter(
                oneOf("bodyArea", bodyArea, Vocabulary.BODY_AREAS, errors),
                oneOf("position", position, Vocabulary.POSITIONS, errors),
                oneOf("equipment", equipment, Vocabulary.EQUIPMENT_FILTER, errors),
                positive("maxDurationSeconds", maxDurationSeconds, errors),
                oneOf("intensity", intensity, Vocabulary.INTENSITIES, errors),
                bool("deskFriendly", deskFriendly, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return slice(published.current().find(filter), page, size);
    }

    @GET
    @Path("/exercises/{id}")
    @Operation(summary = "Read one exercise with its steps, contraindications and safety notes (conditional GET supported)")
    @APIResponse(responseCode = "200", description = "The exercise",
            headers = @Header(name = HttpHeaders.ETAG, description = "Published version and content hash"),
            content = @Content(schema = @Schema(implementation = Exercise.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match; no body")
    @APIResponse(responseCode = "404", description = "No such exercise", ref = ProblemResponses.NOT_FOUND)
    public Response exercise(@PathParam("id") String id,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "An ETag from an earlier read") String ifNoneMatch,
                             @Context Request request) {
        Catalogue catalogue = published.current();
        Exercise exercise = catalogue.exercise(id).orElseThrow(() -> ProblemException.notFound("Exercise " + id));
        return conditional(request, catalogue.exerciseTag(id).orElseThrow(), exercise);
    }

    @GET
    @Path("/routines")
    @Operation(summary = "List routines, optionally by level and body area, ordered by title then id; durations are the sum of their exercises")
    @APIResponse(responseCode = "200", description = "One page of routines")
    @APIResponse(responseCode = "400", description = "Unknown filter value or bad paging; `errors[].field` names the parameter", ref = ProblemResponses.BAD_REQUEST)
    public Page<RoutineSummary> routines(
            @QueryParam("level") @Parameter(schema = @Schema(enumeration = {"beginner", "intermediate"})) String level,
            @QueryParam("bodyArea") @Parameter(description = "Routines with at least one exercise working this area",
                    schema = @Schema(enumeration = {"hip-flexors", "lower-back", "glutes", "hamstrings", "core", "neck-shoulders", "whole-body"})) String bodyArea,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        List<FieldError> errors = new ArrayList<>();
        String wantedLevel = oneOf("level", level, Vocabulary.LEVELS, errors);
        String wantedArea = oneOf("bodyArea", bodyArea, Vocabulary.BODY_AREAS, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return slice(published.current().findRoutines(wantedLevel, wantedArea).stream().map(RoutineSummary::of).toList(), page, size);
    }

    @GET
    @Path("/routines/{id}")
    @Operation(summary = "Read one routine with its exercises in order (conditional GET supported)")
    @APIResponse(responseCode = "200", description = "The routine",
            headers = @Header(name = HttpHeaders.ETAG, description = "Published version and a hash of the routine and its exercises"),
            content = @Content(schema = @Schema(implementation = RoutineDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match; no body")
    @APIResponse(responseCode = "404", description = "No such routine", ref = ProblemResponses.NOT_FOUND)
    public Response routine(@PathParam("id") String id,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "An ETag from an earlier read") String ifNoneMatch,
                            @Context Request request) {
        Catalogue catalogue = published.current();
        Routine routine = catalogue.routine(id).orElseThrow(() -> ProblemException.notFound("Routine " + id));
        return conditional(request, catalogue.routineTag(id).orElseThrow(), RoutineDetail.of(routine));
    }

    /** 304 without a body when If-None-Match names the current tag, otherwise 200 with the body; both carry the ETag. */
    private static Response conditional(Request request, String tag, Object body) {
        EntityTag etag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(body)).tag(etag).build();
    }

    private static String oneOf(String parameter, String value, List<String> allowed, List<FieldError> errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(parameter, "must be one of " + allowed));
        }
        return value;
    }

    private static Integer positive(String parameter, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 1) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below like any other bad value
        }
        errors.add(new FieldError(parameter, "must be a whole number of seconds, at least 1"));
        return null;
    }

    private static Boolean bool(String parameter, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new FieldError(parameter, "must be true or false"));
        return null;
    }

    private static <T> Page<T> slice(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to), page, size, all.size());
    }
}
