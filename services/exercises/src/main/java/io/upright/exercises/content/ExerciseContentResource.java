package io.upright.exercises.content;

import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.content.ContentViews.ExerciseItem;
import io.upright.exercises.content.ContentViews.Rejection;
import io.upright.exercises.content.ContentViews.Summary;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Authoring exercises (role content-editor): draft → in review → published → retired. Every change answers
 * with the whole item and its stream version as ETag; send it back in {@code If-Match} to be told (412) when
 * someone else changed the item in between.
 */
@Path("/api/content/exercises")
@Tag(name = "Content authoring")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.CONTENT_EDITOR)
@APIResponse(responseCode = "403", description = "Not a content editor", ref = ProblemResponses.FORBIDDEN)
public class ExerciseContentResource {

    /** Where exercises live in the library and the API, and how one is shown. */
    static final ContentAuthoring.Authored<Exercise> AUTHORED = new ContentAuthoring.Authored<>(
            ContentLibrary.EXERCISES, "/api/content/exercises", ExerciseContentResource::withId,
            (state, published) -> ContentViews.exercise(state));

    @Inject
    ContentAuthoring authoring;

    @GET
    @Operation(summary = "List every exercise with its authoring status, ordered by id")
    @APIResponse(responseCode = "200", description = "One page of exercises")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging", ref = ProblemResponses.BAD_REQUEST)
    public Page<Summary> list(@QueryParam("status") @Parameter(schema = @Schema(enumeration = {"draft", "in-review", "published", "retired"})) String status,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return authoring.list(AUTHORED, status, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a new exercise (version 1)")
    @APIResponse(responseCode = "201", description = "Drafted", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; `errors[].field` names it", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "An exercise with this id exists", ref = ProblemResponses.CONFLICT)
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @NotNull Exercise exercise) {
        return authoring.create(AUTHORED, idempotencyKey, exercise, exercise.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an exercise with all its versions and their status")
    @APIResponse(responseCode = "200", description = "The exercise", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "404", description = "No such exercise", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") String id) {
        return authoring.get(AUTHORED, id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the draft; editing a published exercise starts its next version as a draft (the published one stays)")
    @APIResponse(responseCode = "200", description = "Edited", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such exercise", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "In review or retired", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull Exercise exercise) {
        return authoring.edit(AUTHORED, id, ifMatch, exercise, exercise.id());
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit the draft for review")
    @APIResponse(responseCode = "200", description = "In review", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "No draft to submit", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return authoring.submit(AUTHORED, id, ifMatch);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the version in review back to draft, saying why")
    @APIResponse(responseCode = "200", description = "Back in draft", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "No reason given", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "Nothing in review", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response reject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull Rejection rejection) {
        return authoring.reject(AUTHORED, id, ifMatch, rejection.reason());
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish the version in review; readers get it from now on and the previous one is superseded")
    @APIResponse(responseCode = "200", description = "Published; emits no integration event (readers poll with ETags)",
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "Nothing in review, or a published routine would leave 5–10 minutes (named)", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return authoring.publish(AUTHORED, id, ifMatch);
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Retire the published exercise; readers no longer get it")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "Not published, or used by published routines (named in `detail`)", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return authoring.retire(AUTHORED, id, ifMatch);
    }

    private static Exercise withId(Exercise e, String id) {
        return new Exercise(id, e.title(), e.purpose(), e.steps(), e.durationSeconds(), e.reps(), e.bodyAreas(),
                e.position(), e.equipment(), e.intensity(), e.contraindications(), e.safetyNotes(), e.deskFriendly(),
                e.media(), e.source(), e.contraindicationCodes(), e.dose(), e.softTissueRelease(), e.microBreak(),
                e.standalone(), e.vigorous(), e.illustration());
    }
}
