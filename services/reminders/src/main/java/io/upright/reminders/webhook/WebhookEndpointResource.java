package io.upright.reminders.webhook;

import io.upright.platform.api.ETags;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
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

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/webhook-endpoints")
@Tag(name = "Webhook endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class WebhookEndpointResource {

    @Schema(name = "NewWebhookEndpoint")
    public record NewWebhookEndpoint(
            @NotBlank @Size(max = WebhookUrlGuard.MAX_LENGTH) @Schema(example = "https://hooks.example.com/upright") String url) {
    }

    @Schema(name = "RegisteredWebhookEndpoint", description = "The secret is shown here once and never again")
    public record RegisteredView(UUID id, @Schema(example = "https://hooks.example.com/upright") String url,
                                 @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
                                 @Schema(example = "active") String status, Instant createdAt) {
    }

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(UUID id, @Schema(example = "https://hooks.example.com/upright") String url,
                               @Schema(example = "active", enumeration = {"active", "disabled"}) String status,
                               Instant createdAt, Instant disabledAt) {
        static EndpointView of(WebhookEndpointRecord e) {
            return new EndpointView(e.id, e.url, e.status, e.createdAt, e.disabledAt);
        }
    }

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    CurrentUser user;

    @POST
    @Operation(summary = "Register an HTTPS endpoint that receives signed break reminders (Standard Webhooks)")
    @APIResponse(responseCode = "201", description = "Registered; keep the secret, it is not shown again",
            content = @Content(schema = @Schema(implementation = RegisteredView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or disallowed url", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    public Response register(@Valid @NotNull NewWebhookEndpoint request) {
        WebhookEndpoints.Registered registered = endpoints.register(user.tenant(), request.url());
        WebhookEndpointRecord e = registered.endpoint();
        return Response.created(URI.create("/api/webhook-endpoints/" + e.id)).tag(ETags.of(e.version))
                .entity(new RegisteredView(e.id, e.url, registered.secret(), e.status, e.createdAt)).build();
    }

    @GET
    @Operation(summary = "List the tenant's webhook endpoints, oldest first (secrets are never shown)")
    public Page<EndpointView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        return new Page<>(endpoints.list(tenant, page, size).stream().map(EndpointView::of).toList(), page, size,
                endpoints.count(tenant));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one webhook endpoint (without its secret)")
    @APIResponse(responseCode = "404", description = "No such endpoint in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        WebhookEndpointRecord e = endpoints.get(user.tenant(), id);
        return Response.ok(EndpointView.of(e)).tag(ETags.of(e.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook endpoint; it receives no further reminders")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such endpoint in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response remove(@PathParam("id") UUID id) {
        endpoints.remove(user.tenant(), id);
        return Response.noContent().build();
    }
}
