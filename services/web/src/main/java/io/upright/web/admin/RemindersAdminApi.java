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
 * Reminders' admin channels (services/reminders/README.md): webhook endpoints and the Slack app's installation, asked
 * with the admin's own token. Reminders offers no test-send, so neither do the pages.
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

    record Endpoint(UUID id, String url, String status, Instant createdAt, Instant disabledAt) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record InstallLink(String authorizeUrl, Instant expiresAt) {
    }

    record Installation(UUID id, String slackTeamId, String slackTeamName, String status, Instant installedAt) {
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

    @GET
    @Path("/slack/installation")
    Installation slackInstallation();

    @POST
    @Path("/slack/installations")
    InstallLink beginSlackInstall();
}
