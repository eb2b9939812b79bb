package io.upright.reminders.slackapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack's Events API request URL (Slack-signed, no token): the URL check when the app is configured, and the events
 * that end an installation ({@code app_uninstalled}, {@code tokens_revoked}).
 */
@Path("/api/slack/events")
@Tag(name = "Slack app")
@PermitAll
public class SlackEventsResource {

    @Inject
    Clock clock;

    @Inject
    RemindersConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    SlackApps apps;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack Events API: url_verification, app_uninstalled and tokens_revoked stop the tenant's direct messages")
    @APIResponse(responseCode = "200", description = "Acknowledged (url_verification: the challenge)")
    @APIResponse(responseCode = "400", description = "Signed, but not JSON", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "Missing, stale or wrong Slack signature", ref = ProblemResponses.UNAUTHORIZED)
    public Response event(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                          @HeaderParam("X-Slack-Signature") String signature, byte[] body) {
        if (!SlackRequests.verified(config.slackSigningSecret().orElse(null), timestamp, signature, body, Instant.now(clock))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The Slack signature is missing, stale or wrong", List.of());
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            throw ProblemException.invalid("body", "is not a JSON object");
        }
        if ("url_verification".equals(envelope.path("type").asText())) {
            return Response.ok(Map.of("challenge", envelope.path("challenge").asText(""))).build();
        }
        JsonNode event = envelope.path("event");
        String workspace = envelope.path("team_id").asText(null);
        if (workspace != null && "app_uninstalled".equals(event.path("type").asText())) {
            apps.disableWorkspace(workspace, "the app was uninstalled from the Slack workspace");
        } else if (workspace != null && "tokens_revoked".equals(event.path("type").asText())) {
            List<String> bots = new ArrayList<>();
            event.path("tokens").path("bot").forEach(id -> bots.add(id.asText()));
            if (!bots.isEmpty()) {
                apps.disableBots(workspace, bots, "Slack revoked the app's bot token");
            }
        }
        // anything else the app is subscribed to later is acknowledged: Slack retries only what is not
        return Response.ok(Map.of()).build();
    }
}
