package io.upright.reminders.slackapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.domain.Rejection;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.Answers;
import io.upright.reminders.reminder.DueReminderRecord;
import io.upright.reminders.reminder.PersonalSuggestion;
import io.upright.reminders.reminder.ReminderDecider;
import io.upright.reminders.reminder.ReminderMessage;
import io.upright.reminders.schedule.ScheduleRecord;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Slack sends button presses. No bearer token: Slack signs each request with the app's signing secret,
 * verified over the raw body (so the body is read as bytes and the form parsed here, after verification).
 *
 * <p>Only the reminder's owner answers it: the Slack user who pressed must be the one the app messaged (or, for an
 * older message, the one the installation knows for that employee). Anyone else changes nothing and is told so in a
 * note only they see. After an answer the message is replaced, without its buttons. Slack wants an answer within
 * three seconds: the answer is one short transaction, and the message update goes out after the response.
 */
@Path("/api/slack/interactions")
@Tag(name = "Slack")
@PermitAll
public class SlackInteractionResource {

    static final String SOMEONE_ELSES = "This reminder belongs to someone else, so nothing was changed. "
            + "Your own reminders come to you as direct messages from Upright.";
    static final String ALREADY_ANSWERED = "This reminder was answered already; the first answer stands.";
    private static final Logger LOG = Logger.getLogger(SlackInteractionResource.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Clock clock;

    @Inject
    RemindersConfig config;

    @Inject
    Answers answers;

    @Inject
    ObjectMapper json;

    @Inject
    SlackApps apps;

    @Inject
    SlackMembers members;

    @Inject
    SlackMessages messages;

    @Inject
    SlackWebApi slack;

    @Inject
    SlackAfterResponse afterResponse;

    @Inject
    SlackPeople people;

    /** The parts of a block_actions payload this endpoint uses. */
    record Interaction(SlackAction action, String slackUserId, String slackTeamId, String responseUrl, String triggerId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Slack interactivity request URL: records Done / Snooze / Skip from a reminder's buttons, pressed by its owner (Slack-signed, no token)")
    @APIResponse(responseCode = "200", description = "Acknowledged (empty body). The owner's Done records BreakTaken, Skip BreakSkipped, Snooze BreakSnoozed, "
            + "and the message is replaced without its buttons; anyone else's press changes nothing and gets a note only they see")
    @APIResponse(responseCode = "400", description = "Signed, but not a payload this service understands", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "Missing, stale (over 5 minutes) or wrong Slack signature", ref = ProblemResponses.UNAUTHORIZED)
    public Response interact(@Parameter(description = "Unix seconds") @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                             @Parameter(description = "v0=<hex HMAC-SHA256>") @HeaderParam("X-Slack-Signature") String signature,
                             byte[] body) {
        if (!SlackRequests.verified(config.slackSigningSecret().orElse(null), timestamp, signature, body, Instant.now(clock))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The Slack signature is missing, stale or wrong", List.of());
        }
        JsonNode payload = payload(body);
        String actionId = payload.path("actions").path(0).path("action_id").asText("");
        if (actionId.startsWith("home-")) {
            homeAction(actionId, team(payload), payload.path("user").path("id").asText(null));
            return Response.ok().build();
        }
        Interaction interaction = interaction(payload);
        Optional<DueReminderRecord> reminder = answers.byId(interaction.action().reminderId());
        if (reminder.isEmpty()) {
            return Response.ok().build(); // e.g. a message left over from a removed tenant: nothing to record
        }
        DueReminderRecord r = reminder.get();
        if (!isOwner(r, interaction)) {
            LOG.debugf("Slack user pressed a button of someone else's reminder %s", r.id);
            respondLater(interaction, SlackBlocks.ephemeral(SOMEONE_ELSES));
            return Response.ok().build();
        }
        if (SlackAction.SUGGESTION.equals(interaction.action().action())) {
            showSuggestion(r, interaction);
            return Response.ok().build();
        }
        String outcome;
        try {
            outcome = record(r, interaction.action());
        } catch (Rejection e) {
            if (e.reason() == Rejection.Reason.CONFLICT) {
                // the decider's own words: answered already, snoozed once already, not deliverable any more ...
                respondLater(interaction, SlackBlocks.ephemeral(e.getMessage() == null ? ALREADY_ANSWERED : e.getMessage()));
                return Response.ok().build();
            }
            throw e;
        } catch (ProblemException e) {
            if (e.status() == 409) {
                respondLater(interaction, SlackBlocks.ephemeral(ALREADY_ANSWERED));
                return Response.ok().build();
            }
            throw e;
        }
        if (messages.of(r.id).isEmpty()) {
            // a message the app did not send (posted to a shared channel before it): replaced through the press itself;
            // the app's own DMs are updated once the answer commits, wherever it was given (SlackMessageUpdates)
            String text = ReminderMessage.of(r.id, r.employeeId, r.slot, r.kind, null).message();
            respondLater(interaction, SlackBlocks.answered(text, outcome));
        }
        return Response.ok().build();
    }

    /** Records the answer; returns what the message says afterwards. */
    private String record(DueReminderRecord r, SlackAction action) {
        if (SlackAction.DONE.equals(action.action()) && action.activity() == null) {
            answers.doneAsSuggested(r.tenantId, r.employeeId, r.id); // what it suggested: kept on the reminder
            return "Done ✓";
        }
        if (SlackAction.DONE.equals(action.action())) {
            answers.answer(r.tenantId, r.employeeId, r.id, ReminderDecider.DONE, action.activity(), action.activeMinutes());
            return "Done ✓";
        }
        if (SlackAction.SKIP.equals(action.action())) {
            answers.skip(r.tenantId, r.employeeId, r.id);
            return "Skipped";
        }
        DueReminderRecord snoozed = answers.snooze(r.tenantId, r.employeeId, r.id, null);
        return "Snoozed until " + CLOCK_TIME.format(snoozed.snoozedUntil.atZone(zoneOf(r)));
    }

    /**
     * The Slack user the app messaged this reminder to, in the workspace the press came from; for a message the
     * app did not send (an older one), the user the tenant's installation in that workspace knows for the employee.
     */
    private boolean isOwner(DueReminderRecord r, Interaction interaction) {
        if (interaction.slackUserId() == null || interaction.slackTeamId() == null) {
            return false;
        }
        Optional<SlackApps.ActiveInstallation> installation = apps.activeInWorkspace(interaction.slackTeamId()).stream()
                .filter(i -> i.tenant().equals(r.tenantId)).findFirst();
        if (installation.isEmpty()) {
            return false; // the press did not come from the workspace this tenant's app is installed in
        }
        Optional<SlackMessages.SentMessage> sent = messages.of(r.id);
        Optional<String> owner = sent.isPresent() && sent.get().tenant().equals(r.tenantId)
                ? Optional.of(sent.get().slackUserId())
                : members.knownSlackUser(r.tenantId, r.employeeId, installation.get().id());
        return owner.isPresent() && owner.get().equals(interaction.slackUserId());
    }

    private ZoneId zoneOf(DueReminderRecord r) {
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", r.tenantId, r.employeeId).firstResult();
        try {
            return schedule == null || schedule.timeZone == null ? ZoneOffset.UTC : ZoneId.of(schedule.timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** After the response: Slack counts its three seconds until our 200, not until the message is updated. */
    private void respondLater(Interaction interaction, Map<String, Object> payload) {
        if (interaction.responseUrl() == null) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (IOException e) {
            return;
        }
        afterResponse.run(() -> {
            try {
                slack.respond(interaction.responseUrl(), body);
            } catch (SlackWebApi.SlackCallFailed e) {
                LOG.debugf("Slack response_url: %s", e.error());
            }
        });
    }

    /** The person's own suggestion for this break, in a modal only they see (opened with the press's trigger id). */
    private void showSuggestion(DueReminderRecord r, Interaction interaction) {
        PersonalSuggestion suggestion = Answers.personal(r, answers.now(r.tenantId, r.employeeId));
        String text = suggestion == null ? "This reminder has no suggestion to show." : suggestion.message();
        Optional<SlackApps.ActiveInstallation> installation = apps.activeInWorkspace(interaction.slackTeamId()).stream()
                .filter(i -> i.tenant().equals(r.tenantId)).findFirst();
        if (installation.isEmpty() || interaction.triggerId() == null) {
            return;
        }
        String token = apps.botToken(installation.get());
        String view;
        try {
            view = json.writeValueAsString(SlackBlocks.suggestionModal(text));
        } catch (IOException e) {
            return;
        }
        // a trigger id is good for three seconds: opened right away, on its own thread
        afterResponse.run(() -> {
            try {
                slack.openModal(installation.get().id(), token, interaction.triggerId(), view);
            } catch (SlackWebApi.SlackCallFailed e) {
                LOG.debugf("views.open: %s", e.error());
            }
        });
    }

    /** A button of the person's Home tab: pause or resume, then the tab shows the new state. */
    private void homeAction(String actionId, String slackTeamId, String slackUserId) {
        SlackPeople.Lookup lookup = people.find(slackTeamId, slackUserId);
        if (lookup.person() == null) {
            return;
        }
        try {
            if (SlackHome.PAUSE_HOUR.equals(actionId)) {
                people.pause(lookup.person(), 60);
            } else if (SlackHome.PAUSE_TODAY.equals(actionId)) {
                people.pause(lookup.person(), null);
            } else if (SlackHome.RESUME.equals(actionId)) {
                people.resume(lookup.person());
            }
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        SlackPeople.Person person = lookup.person();
        afterResponse.run(() -> people.refreshHome(person));
    }

    private JsonNode payload(byte[] body) {
        String payload = null;
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "payload".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                    payload = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("payload", "is not form-encoded");
        }
        if (payload == null) {
            throw ProblemException.invalid("payload", "is required");
        }
        try {
            JsonNode tree = json.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw ProblemException.invalid("payload", "is not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw ProblemException.invalid("payload", "is not JSON");
        }
    }

    /** The first action of a block_actions payload, as this service wrote its value, and who pressed it where. */
    private Interaction interaction(JsonNode tree) {
        JsonNode actions = tree.path("actions");
        if (!actions.isArray() || actions.isEmpty()) {
            throw ProblemException.invalid("payload.actions", "must name one action");
        }
        Optional<SlackAction> action = SlackAction.parse(actions.get(0).path("value").asText(null));
        if (action.isEmpty()) {
            LOG.debug("Slack interaction with a value this service did not write");
            throw ProblemException.invalid("payload.actions[0].value", "is not an Upright reminder button");
        }
        return new Interaction(action.get(), tree.path("user").path("id").asText(null), team(tree),
                tree.path("response_url").asText(null), tree.path("trigger_id").asText(null));
    }

    private static String team(JsonNode tree) {
        String team = tree.path("team").path("id").asText(null);
        return team != null ? team : tree.path("user").path("team_id").asText(null);
    }
}
