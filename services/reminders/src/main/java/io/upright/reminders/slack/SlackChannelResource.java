package io.upright.reminders.slack;

import io.upright.platform.api.Page;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.reminders.chat.ChatChannelEndpoints;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatChannelRecord;
import io.upright.reminders.webhook.WebhookUrlGuard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import java.time.Instant;
import java.util.UUID;

/** The kind's documented face of {@link ChatChannelEndpoints}: paths, summaries and schemas of its own. */
@Path("/api/slack-channels")
@Tag(name = "Slack channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class SlackChannelResource {

    @Schema(name = "NewSlackChannel")
    public record NewSlackChannel(
            @NotBlank @Size(max = WebhookUrlGuard.MAX_LENGTH)
            @Schema(example = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                    description = "The Slack incoming-webhook URL; it is a credential and is never shown again in full")
            String webhookUrl,
            @Schema(nullable = true, description = "Only this team's employees are reminded here; absent: the whole tenant")
            UUID teamId) {
    }

    @Schema(name = "SlackChannel")
    public record ChannelView(UUID id,
                              @Schema(example = "https://hooks.slack.com/…XXXX", description = "Host and last four characters of the URL")
                              String webhookUrlHint,
                              @Schema(nullable = true) UUID teamId,
                              @Schema(example = "active", enumeration = {"active", "disabled"}) String status,
                              Instant createdAt, @Schema(nullable = true) Instant disabledAt) {
        static ChannelView of(ChatChannelRecord c) {
            return new ChannelView(c.id, c.urlHint, c.teamId, c.status, c.createdAt, c.disabledAt);
        }
    }

    private static final ChatChannelKind KIND = ChatChannelKind.SLACK;

    @Inject
    ChatChannelEndpoints endpoints;

    @POST
    @Operation(summary = "Register a Slack incoming webhook (a shared channel): it announces team breaks only; personal reminders come from the Slack app as direct messages")
    @APIResponse(responseCode = "201", description = "Registered; the URL is stored encrypted and shown only as a hint",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or disallowed webhookUrl, or teamId not a UUID", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    public Response register(@Valid @NotNull NewSlackChannel request) {
        return endpoints.register(KIND, request.webhookUrl(), request.teamId(), ChannelView::of);
    }

    @GET
    @Operation(summary = "List the tenant's Slack channels, oldest first (URLs only as hints)")
    public Page<ChannelView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return endpoints.list(KIND, page, size, ChannelView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one Slack channel (URL only as a hint)")
    @APIResponse(responseCode = "404", description = "No such channel in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        return endpoints.get(KIND, id, ChannelView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a Slack channel; it receives no further reminders")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such channel in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response remove(@PathParam("id") UUID id) {
        return endpoints.remove(KIND, id);
    }
}
