package io.upright.exercises.content;

import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.exercises.content.ContentViews.RoutineItem;
import io.upright.exercises.content.ContentViews.Rejection;
import io.upright.exercises.content.ContentViews.Summary;
import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.problem.Problem;
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
import java.util.function.Function;

/**
 * Authoring routines (role content-editor): draft → in review → published → retired. Every change answers
 * with the whole item and its stream version as ETag; send it back in {@code If-Match} to be told (412) when
 * someone else changed the item in between.
 */
@Path("/api/content/routines")
@Tag(name = "Content authoring")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.CONTENT_EDITOR)
@APIResponse(responseCode = "403", description = "Not a content editor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RoutineContentResource {

    @Inject
    ContentLibrary library;

    @Inject
    CurrentUser user;

    @Inject
    LibraryEditors editors;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(summary = "List every routine with its authoring status, ordered by id")
    @APIResponse(responseCode = "200", description = "One page of routines")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Summary> list(@QueryParam("status") @Parameter(schema = @Schema(enumeration = {"draft", "in-review", "published", "retired"})) String status,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        editors.requireLibraryTeam();
        ExerciseContentResource.checkStatus(status);
        return ContentViews.summaries(library.versions(ContentLibrary.ROUTINE), status, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a new routine (version 1): its exercises in order, level, optional next routine")
    @APIResponse(responseCode = "201", description = "Drafted", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; `errors[].field` names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A routine with this id exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @NotNull RoutineDefinition routine) {
        editors.requireLibraryTeam();
        String id = routine.id() == null ? "" : routine.id();
        return idempotency.run(user.tenant(), user.subject(), "create-routine", idempotencyKey, routine, () -> {
            ContentLibrary.Item<RoutineDefinition> item = library.handle(ContentLibrary.ROUTINES, id,
                    published -> new ContentCommand.Create<>(routine, user.subject(), Instant.now()), ETags.ifMatch(null));
            return IdempotentRequests.Outcome.created(URI.create("/api/content/routines/" + id),
                    ContentViews.routine(item.state(), library.published())).withVersion(item.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a routine with all its versions, their status and length (sum of its published exercises)")
    @APIResponse(responseCode = "200", description = "The routine", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "404", description = "No such routine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        editors.requireLibraryTeam();
        ContentLibrary.Item<RoutineDefinition> item = library.read(ContentLibrary.ROUTINES, id);
        return Response.ok(ContentViews.routine(item.state(), library.published())).tag(ETags.of(item.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the draft; editing a published routine starts its next version as a draft (the published one stays)")
    @APIResponse(responseCode = "200", description = "Edited", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such routine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "In review or retired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull RoutineDefinition routine) {
        RoutineDefinition content = routine.id() == null
                ? new RoutineDefinition(id, routine.title(), routine.purpose(), routine.level(), routine.next(), routine.exerciseIds())
                : routine;
        return change(id, ifMatch, published -> new ContentCommand.Edit<>(content, user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit the draft for review")
    @APIResponse(responseCode = "200", description = "In review", content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "409", description = "No draft to submit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.SubmitForReview<>(user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the version in review back to draft, saying why")
    @APIResponse(responseCode = "200", description = "Back in draft", content = @Content(schema = @Schema(implementation = RoutineItem.class)))
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
            content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "409", description = "Nothing in review, or exercises not published (named), length outside 5–10 minutes, or a next routine that is unpublished, easier or loops",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.Publish<>(published, user.subject(), Instant.now()));
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Retire the published routine; readers and the recommender no longer get it")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = RoutineItem.class)))
    @APIResponse(responseCode = "409", description = "Not published, another published routine continues with it (named), or the recommender starts employees on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return change(id, ifMatch, published -> new ContentCommand.Retire<>(published, user.subject(), Instant.now()));
    }

    private Response change(String id, String ifMatch,
                            Function<io.upright.exercises.catalogue.Catalogue, ContentCommand<RoutineDefinition>> command) {
        editors.requireLibraryTeam();
        ContentLibrary.Item<RoutineDefinition> item = library.handle(ContentLibrary.ROUTINES, id, command, ETags.ifMatch(ifMatch));
        return Response.ok(ContentViews.routine(item.state(), library.published())).tag(ETags.of(item.version())).build();
    }

}
