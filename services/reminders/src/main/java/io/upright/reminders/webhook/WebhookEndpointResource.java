package io.upright.reminders.webhook;

import io.upright.platform.api.ETags;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.Problem;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
                               Instant createdAt, Instant disabledAt,
                               @Schema(nullable = true, description = "After a secret rotation: until then each delivery "
                                       + "is signed with the old secret too") Instant previousSecretValidUntil) {
        static EndpointView of(WebhookEndpointRecord e) {
            return new EndpointView(e.id, e.url, e.status, e.createdAt, e.disabledAt, e.previousSecretUntil);
        }
    }

    @Schema(name = "RotatedWebhookSecret", description = "The new secret is shown here once and never again")
    public record RotatedView(UUID id, @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
                              @Schema(description = "Until then each delivery carries a signature with the old secret "
                                      + "next to the one with the new") Instant previousSecretValidUntil) {
    }

    @Schema(name = "WebhookTestDelivery", description = "What one test-send found. `delivered` is true for a 2xx answer; "
            + "without an answer `statusCode` is null and `error` says why")
    public record TestDeliveryView(UUID endpointId,
                                   @Schema(description = "The test event's id, also its `webhook-id` header") UUID messageId,
                                   Instant sentAt, boolean delivered,
                                   @Schema(example = "204", nullable = true) Integer statusCode,
                                   @Schema(example = "connection-refused", nullable = true, enumeration = {
                                           WebhookTestResult.CONNECTION_REFUSED, WebhookTestResult.TIMED_OUT,
                                           WebhookTestResult.TLS_FAILED, WebhookTestResult.HOST_UNRESOLVABLE,
                                           WebhookTestResult.CONNECTION_FAILED, WebhookTestResult.ADDRESS_REFUSED,
                                           WebhookTestResult.SECRET_UNREADABLE, WebhookTestResult.PAUSED}) String error,
                                   @Schema(example = "120", description = "From sending to the answer or the failure; 0 when nothing was sent")
                                   long durationMillis,
                                   @Schema(nullable = true, description = "Only for `paused`: the endpoint asked not to be called before then")
                                   Instant pausedUntil) {
        static TestDeliveryView of(WebhookTestSends.Outcome o) {
            WebhookTestResult r = o.result();
            return new TestDeliveryView(o.endpointId(), o.messageId(), o.sentAt(), r.delivered(), r.statusCode(),
                    r.error(), r.durationMillis(), r.pausedUntil());
        }
    }

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookTestSends testSends;

    @Context
    UriInfo uri;

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

    @POST
    @Path("/{id}/test-deliveries")
    @Consumes(MediaType.WILDCARD) // no body: whatever content type a client puts on an empty POST
    @Operation(summary = "Send the endpoint one signed test event now and tell what it answered",
            description = "The event (`type` `webhook.test`) names the tenant and nothing about any person. It is not a "
                    + "reminder and changes nothing: no event, no retry, a 410 disables nothing. 200 whenever the test "
                    + "was made, whatever the endpoint answered; at most " + WebhookTestSends.PER_WINDOW
                    + " a minute per endpoint.")
    @APIResponse(responseCode = "200", description = "Sent (or, for `address-refused`, `secret-unreadable` and `paused`, "
            + "found unsendable); the outcome is in the body",
            content = @Content(schema = @Schema(implementation = TestDeliveryView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such endpoint in your tenant", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "429", description = "Too many tests of this endpoint; `Retry-After` says when to try again",
            ref = ProblemResponses.TOO_MANY_REQUESTS)
    public Response testDelivery(@PathParam("id") UUID id) {
        WebhookTestSends.Outcome outcome = testSends.send(user.tenant(), id);
        if (outcome.retryAfter().isPresent()) {
            long seconds = Math.max(1, (outcome.retryAfter().get().toMillis() + 999) / 1000);
            Problem tooMany = Problem.of(429, "too-many-test-deliveries", "Too many test deliveries",
                    "This endpoint was tested " + WebhookTestSends.PER_WINDOW + " times within a minute; try again in "
                            + seconds + " s").at(uri.getPath());
            return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(tooMany).build();
        }
        // 200, not 201: nothing is kept to point a Location at
        return Response.ok(TestDeliveryView.of(outcome)).build();
    }

    @POST
    @Path("/{id}/secret-rotations")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Give the endpoint a new signing secret, the old one signing too for a while",
            description = "Every delivery until `previousSecretValidUntil` (24 h by default) carries two signatures in "
                    + "`webhook-signature`, one per secret, so the receiver can switch to the new secret whenever it "
                    + "likes within that time. Rotating again within that time ends the older secret's overlap at once.")
    @APIResponse(responseCode = "200", description = "Rotated; keep the secret, it is not shown again",
            content = @Content(schema = @Schema(implementation = RotatedView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such endpoint in your tenant", ref = ProblemResponses.NOT_FOUND)
    public Response rotateSecret(@PathParam("id") UUID id) {
        WebhookEndpoints.Rotated rotated = endpoints.rotateSecret(user.tenant(), id);
        WebhookEndpointRecord e = rotated.endpoint();
        // 200, not 201: the rotation is no resource of its own
        return Response.ok(new RotatedView(e.id, rotated.secret(), e.previousSecretUntil)).tag(ETags.of(e.version)).build();
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
