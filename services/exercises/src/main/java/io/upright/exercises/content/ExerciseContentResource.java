package io.upright.exercises.content;

import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.content.ContentViews.ExerciseItem;
import io.upright.exercises.content.ContentViews.Rejection;
import io.upright.exercises.content.ContentViews.Summary;
import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.problem.Problem;
import io.upright.platform.problem.ProblemException;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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
@APIResponse(responseCode = "403", description = "Not a content editor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExerciseContentResource {

    @Inject
    ContentLibrary library;

    @Inject
    CurrentUser user;

    @Inject
    LibraryEditors editors;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(summary = "List every exercise with its authoring status, ordered by id")
    @APIResponse(responseCode = "200", description = "One page of exercises")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Summary> list(@QueryParam("status") @Parameter(schema = @Schema(enumeration = {"draft", "in-review", "published", "retired"})) String status,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        editors.requireLibraryTeam();
        checkStatus(status);
        return ContentViews.summaries(library.versions(ContentLibrary.EXERCISE), status, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a new exercise (version 1)")
    @APIResponse(responseCode = "201", description = "Drafted", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; `errors[].field` names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An exercise with this id exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @NotNull Exercise exercise) {
        editors.requireLibraryTeam();
        String id = exercise.id() == null ? "" : exercise.id();
        return idempotency.run(user.tenant(), user.subject(), "create-exercise", idempotencyKey, exercise, () -> {
            ContentLibrary.Item<Exercise> item = library.handle(ContentLibrary.EXERCISES, id,
                    published -> new ContentCommand.Create<>(exercise, user.subject(), Instant.now()), ETags.ifMatch(null));
            return IdempotentRequests.Outcome.created(URI.create("/api/content/exercises/" + id),
                    ContentViews.exercise(item.state())).withVersion(item.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an exercise with all its versions and their status")
    @APIResponse(responseCode = "200", description = "The exercise", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "404", description = "No such exercise", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        editors.requireLibraryTeam();
        ContentLibrary.Item<Exercise> item = library.read(ContentLibrary.EXERCISES, id);
        return Response.ok(ContentViews.exercise(item.state())).tag(ETags.of(item.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the draft; editing a published exercise starts its next version as a draft (the published one stays)")
    @APIResponse(responseCode = "200", description = "Edited", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such exercise", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "In review or retired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull Exercise exercise) {
        Exercise content = exercise.id() == null ? withId(exercise, id) : exercise;
        return change(id, ifMatch, published -> new ContentCommand.Edit<>(content, user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit the draft for review")
    @APIResponse(responseCode = "200", description = "In review", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "No draft to submit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.SubmitForReview<>(user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the version in review back to draft, saying why")
    @APIResponse(responseCode = "200", description = "Back in draft", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nothing in review", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull Rejection rejection) {
        return change(id, ifMatch, published -> new ContentCommand.RejectReview<>(rejection.reason(), user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish the version in review; readers get it from now on and the previous one is superseded")
    @APIResponse(responseCode = "200", description = "Published; emits no integration event (readers poll with ETags)",
            content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "Nothing in review, or a published routine would leave 5–10 minutes (named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.Publish<>(published, user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Retire the published exercise; readers no longer get it")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = ExerciseItem.class)))
    @APIResponse(responseCode = "409", description = "Not published, or used by published routines (named in `detail`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.Retire<>(published, user.subject(), Instant.now()));
    }

    private Response change(String id, String ifMatch,
                            Function<io.upright.exercises.catalogue.Catalogue, ContentCommand<Exercise>> command) {
        editors.requireLibraryTeam();
        ContentLibrary.Item<Exercise> item = library.handle(ContentLibrary.EXERCISES, id, command, ETags.ifMatch(ifMatch));
        return Response.ok(ContentViews.exercise(item.state())).tag(ETags.of(item.version())).build();
    }

    static void checkStatus(String status) {
        if (status != null && !List.of("draft", "in-review", "published", "retired").contains(status)) {
            throw ProblemException.invalid("status", "must be one of draft, in-review, published, retired");
        }
    }

    private static Exercise withId(Exercise e, String id) {
        return new Exercise(id, e.title(), e.purpose(), e.steps(), e.durationSeconds(), e.reps(), e.bodyAreas(),
                e.position(), e.equipment(), e.intensity(), e.contraindications(), e.safetyNotes(), e.deskFriendly(),
                e.media(), e.source());
    }
}
