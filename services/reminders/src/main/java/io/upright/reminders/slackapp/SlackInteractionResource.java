package io.upright.reminders.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.domain.Rejection;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.Answers;
import io.upright.reminders.reminder.DueReminderRecord;
import io.upright.reminders.reminder.ReminderDecider;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where Slack sends button presses. No bearer token: Slack signs each request with the app's signing secret,
 * verified over the raw body (so the body is read as bytes and the form parsed here, after verification).
 * Slack wants an answer within three seconds; recording an answer is one short transaction.
 */
@Path("/api/slack/interactions")
@Tag(name = "Slack")
@PermitAll
public class SlackInteractionResource {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(SlackInteractionResource.class);

    @Inject
    RemindersConfig config;

    @Inject
    Answers answers;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Slack interactivity request URL: records Done / Snooze / Skip from a reminder's buttons (Slack-signed, no token)")
    @APIResponse(responseCode = "200", description = "Acknowledged (empty body; Snooze: a short text); Done records BreakTaken, Skip BreakSkipped, Snooze BreakSnoozed")
    @APIResponse(responseCode = "400", description = "Signed, but not a payload this service understands", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "Missing, stale (over 5 minutes) or wrong Slack signature", ref = ProblemResponses.UNAUTHORIZED)
    public Response interact(@Parameter(description = "Unix seconds") @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                             @Parameter(description = "v0=<hex HMAC-SHA256>") @HeaderParam("X-Slack-Signature") String signature,
                             byte[] body) {
        if (!SlackSignature.verify(config.slackSigningSecret().orElse(null), timestamp, signature, body, Instant.now(clock))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The Slack signature is missing, stale or wrong", List.of());
        }
        SlackAction action = parse(body);
        Optional<DueReminderRecord> reminder = answers.byId(action.reminderId());
        if (reminder.isEmpty()) {
            return Response.ok().build(); // e.g. a message left over from a removed tenant: nothing to record
        }
        DueReminderRecord r = reminder.get();
        try {
            if (SlackAction.DONE.equals(action.action()) && action.activity() == null) {
                answers.doneAsSuggested(r.tenantId, r.employeeId, r.id); // what it suggested: kept on the reminder
            } else if (SlackAction.DONE.equals(action.action())) {
                answers.answer(r.tenantId, r.employeeId, r.id, ReminderDecider.DONE, action.activity(), action.activeMinutes());
            } else if (SlackAction.SKIP.equals(action.action())) {
                answers.skip(r.tenantId, r.employeeId, r.id);
            } else {
                answers.snooze(r.tenantId, r.employeeId, r.id, null);
                return Response.ok("Noted. I'll remind you again in " + config.snoozeDuration().toMinutes() + " minutes.").build();
            }
        } catch (Rejection e) {
            if (e.reason() == Rejection.Reason.CONFLICT) {
                return Response.ok().build(); // a second press, or a reminder that ended: the first answer stands
            }
            throw e;
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return Response.ok().build(); // a second press, or a reminder that ended: the first answer stands
            }
            throw e;
        }
        return Response.ok().build();
    }

    /** The first action of a block_actions payload, as this service wrote its value. */
    private SlackAction parse(byte[] body) {
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
        JsonNode actions;
        try {
            actions = json.readTree(payload).path("actions");
        } catch (IOException e) {
            throw ProblemException.invalid("payload", "is not JSON");
        }
        if (!actions.isArray() || actions.isEmpty()) {
            throw ProblemException.invalid("payload.actions", "must name one action");
        }
        Optional<SlackAction> action = SlackAction.parse(actions.get(0).path("value").asText(null));
        if (action.isEmpty()) {
            LOG.debug("Slack interaction with a value this service did not write");
            throw ProblemException.invalid("payload.actions[0].value", "is not an Upright reminder button");
        }
        return action.get();
    }
}
