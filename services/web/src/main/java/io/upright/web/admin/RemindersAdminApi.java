package io.upright.web.admin;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reminders' admin channels (services/reminders/README.md): webhook endpoints, the Slack app's installation and the
 * chat channels (Slack shared channels, Teams workflows), asked with the admin's own token.
 */
@RegisterRestClient(configKey = "reminders")
@RegisterProvider(PersonsToken.class)
@Path("/api")
public interface RemindersAdminApi {

    record NewEndpoint(String url) {
    }

    /** The secret is in this answer only, never again. */
    record Registered(UUID id, String url, String secret, String status, Instant createdAt) {
    }

    /** {@code previousSecretValidUntil}: after a secret rotation, until when the old secret signs too; else null. */
    record Endpoint(UUID id, String url, String status, Instant createdAt, Instant disabledAt,
                    Instant previousSecretValidUntil) {
    }

    /** The new secret is in this answer only, never again; the old one signs too until {@code previousSecretValidUntil}. */
    record RotatedSecret(UUID id, String secret, Instant previousSecretValidUntil) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    /**
     * What a test-send found: {@code statusCode} when the endpoint answered ({@code delivered} for a 2xx), else
     * {@code error} ({@code connection-refused}, {@code timed-out}, {@code tls-failed}, {@code host-unresolvable},
     * {@code connection-failed}, {@code address-refused}, {@code secret-unreadable}, {@code paused}).
     */
    record TestDelivery(UUID endpointId, UUID messageId, Instant sentAt, boolean delivered, Integer statusCode,
                        String error, long durationMillis, Instant pausedUntil) {
    }

    record InstallLink(String authorizeUrl, Instant expiresAt) {
    }

    record Installation(UUID id, String slackTeamId, String slackTeamName, String status, Instant installedAt) {
    }

    /** A chat channel to register: {@code teamId} null for the whole tenant. */
    record NewChatChannel(String webhookUrl, UUID teamId) {
    }

    /** A chat channel as reminders lists it: its URL is a credential, so only a hint of it. */
    record ChatChannel(UUID id, String webhookUrlHint, UUID teamId, String status, Instant createdAt,
                       Instant disabledAt) {
    }

    @GET
    @Path("/webhook-endpoints")
    Page<Endpoint> endpoints(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/webhook-endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    Registered register(NewEndpoint endpoint);

    @DELETE
    @Path("/webhook-endpoints/{id}")
    void remove(@PathParam("id") UUID id);

    /** Sends the endpoint one signed test event now; 200 whatever the endpoint answered, 429 when tested too often. */
    @POST
    @Path("/webhook-endpoints/{id}/test-deliveries")
    TestDelivery testDelivery(@PathParam("id") UUID id);

    /** A new signing secret (no body); 404 for an endpoint removed meanwhile. */
    @POST
    @Path("/webhook-endpoints/{id}/secret-rotations")
    RotatedSecret rotateSecret(@PathParam("id") UUID id);

    @GET
    @Path("/slack/installation")
    Installation slackInstallation();

    @POST
    @Path("/slack/installations")
    InstallLink beginSlackInstall();

    /** {@code kind}: {@code slack} or {@code teams} (reminders' {@code /api/slack-channels}, {@code /api/teams-channels}). */
    @GET
    @Path("/{kind}-channels")
    Page<ChatChannel> chatChannels(@PathParam("kind") String kind, @QueryParam("page") int page,
                                   @QueryParam("size") int size);

    @POST
    @Path("/{kind}-channels")
    @Consumes(MediaType.APPLICATION_JSON)
    ChatChannel registerChatChannel(@PathParam("kind") String kind, NewChatChannel channel);

    @DELETE
    @Path("/{kind}-channels/{id}")
    void removeChatChannel(@PathParam("kind") String kind, @PathParam("id") UUID id);
}
