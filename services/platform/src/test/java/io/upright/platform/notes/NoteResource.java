package io.upright.platform.notes;

import org.jboss.logging.Logger;
import io.upright.contracts.programs.TeamCreated;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

@Path("/api/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private static final Logger LOG = Logger.getLogger(NoteResource.class);

    public record NoteRequest(@NotBlank @Size(max = 200) String text, @NotNull @Min(1) @Max(5) Integer priority) {
    }

    private static final Aggregate<NoteDecider.Command, NoteDecider.Note, NoteEvent> NOTE =
            Aggregate.of("note", NoteEvent.class, new NoteDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    CurrentUser user;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Transactional
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    public Response write(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NoteRequest request) {
        return idempotency.run(user.tenant(), user.subject(), "write-note", idempotencyKey, request, () -> {
            UUID id = UUID.randomUUID();
            aggregates.handle(user.tenant(), NOTE, id, new NoteDecider.WriteNote(id, request.text()));
            LOG.infof("Note %s written", id);
            outbox.enqueue(user.tenant(), new TeamCreated(id, request.text(), Instant.now()));
            return IdempotentRequests.Outcome.created(URI.create("/api/notes/" + id), new NoteDecider.Note(id, request.text()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    public Response read(@PathParam("id") UUID id) {
        Decision<NoteDecider.Note, NoteEvent> note = aggregates.read(user.tenant(), NOTE, id);
        if (!note.state().exists()) {
            throw ProblemException.notFound("Note " + id);
        }
        return Response.ok(note.state()).tag(new EntityTag(String.valueOf(note.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull NoteRequest request) {
        OptionalLong expected = ifMatch == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(ifMatch.replace("\"", "")));
        Decision<NoteDecider.Note, NoteEvent> edited = aggregates.handle(user.tenant(), NOTE, id,
                new NoteDecider.EditNote(id, request.text()), expected);
        return Response.ok(edited.state()).tag(new EntityTag(String.valueOf(edited.version()))).build();
    }
}
