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
 * Slack's Events API request URL (Slack-signed, no token): the URL check when the app is configured, the events
 * that end an installation ({@code app_uninstalled}, {@code tokens_revoked}), {@code app_home_opened}, which
 * draws the person's Home tab, and {@code dnd_updated_user} / {@code user_huddle_changed}, which say who is busy.
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

    @Inject
    SlackPeople people;

    @Inject
    SlackBusy busy;

    @Inject
    SlackHome home;

    @Inject
    SlackWebApi slack;

    @Inject
    SlackAfterResponse afterResponse;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack Events API: url_verification; app_uninstalled and tokens_revoked stop the tenant's direct messages; app_home_opened draws the Home tab")
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
        if (workspace != null && "dnd_updated_user".equals(event.path("type").asText())) {
            JsonNode dnd = event.path("dnd_status");
            boolean hours = dnd.path("dnd_enabled").asBoolean(false);
            boolean snoozed = dnd.path("snooze_enabled").asBoolean(false);
            for (SlackApps.ActiveInstallation installation : apps.activeInWorkspace(workspace)) {
                busy.dndChanged(installation.id(), event.path("user").asText(),
                        hours ? epoch(dnd.path("next_dnd_start_ts")) : null, hours ? epoch(dnd.path("next_dnd_end_ts")) : null,
                        snoozed ? epoch(dnd.path("snooze_endtime")) : null);
            }
        } else if (workspace != null && "user_huddle_changed".equals(event.path("type").asText())) {
            JsonNode user = event.path("user");
            boolean inHuddle = "in_a_huddle".equals(user.path("profile").path("huddle_state").asText());
            for (SlackApps.ActiveInstallation installation : apps.activeInWorkspace(workspace)) {
                busy.huddleChanged(installation.id(), user.path("id").asText(), inHuddle);
            }
        }
        if (workspace != null && "app_home_opened".equals(event.path("type").asText()) && "home".equals(event.path("tab").asText("home"))) {
            String member = event.path("user").asText(null);
            // Slack waits three seconds for this answer; the tab is drawn after it (it may need users.info first)
            afterResponse.run(() -> showHome(workspace, member));
        }
        // anything else the app is subscribed to is acknowledged: Slack retries only what is not
        return Response.ok(Map.of()).build();
    }

    private static Instant epoch(JsonNode seconds) {
        return seconds.canConvertToLong() && seconds.asLong() > 0 ? Instant.ofEpochSecond(seconds.asLong()) : null;
    }

    private void showHome(String workspace, String member) {
        SlackPeople.Lookup lookup = people.find(workspace, member);
        if (lookup.person() != null) {
            people.refreshHome(lookup.person());
            return;
        }
        if (lookup.unknown() == SlackPeople.Unknown.NOT_ENROLLED) {
            // someone of the workspace who is in no program: the tab says so rather than staying blank
            apps.activeInWorkspace(workspace).stream().findFirst().ifPresent(installation -> {
                try {
                    slack.publishHome(installation.id(), apps.botToken(installation), member, home.homeView(java.util.Optional.empty()));
                } catch (SlackWebApi.SlackCallFailed e) {
                    // nothing to show them then; the next time they open the tab it is tried again
                }
            });
        }
    }
}
